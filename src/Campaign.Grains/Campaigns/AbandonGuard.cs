using Campaign.Grains.Compliance;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// The abandoned-call limit: each answered call counts in the campaign's rolling rate, and a running campaign at the
/// limit pauses itself.
/// </summary>
public sealed class AbandonGuard(CampaignRecord campaign, AbandonRule rule, DialQueue queue, TimeProvider clock, ILogger logger)
{
    public async Task CountAnsweredAsync(bool abandoned, int? firstAudioMs)
    {
        if (Count(campaign.State, rule, clock.GetUtcNow(), abandoned, firstAudioMs) is not { } reason)
        {
            await campaign.WriteAsync();
            return;
        }

        queue.Clear();
        CampaignLog.PausedByCompliance(logger, campaign.Id, reason);
        await campaign.SaveAsync();
    }

    /// <summary>
    /// Records an answered call in <paramref name="campaign"/>'s window; a running campaign that reached the limit is
    /// paused by compliance. Returns why it paused, or null.
    /// </summary>
    public static string? Count(CampaignState campaign, AbandonRule rule, DateTimeOffset now, bool abandoned, int? firstAudioMs)
    {
        AbandonRule.Record(campaign.Abandons, now, abandoned, firstAudioMs);
        var reason = CampaignLifecycle.Allows(campaign.Status, CampaignOperation.CompliancePause)
            ? rule.PauseReason(campaign.Abandons, now)
            : null;
        if (reason is not null)
        {
            CampaignLifecycle.Apply(campaign, CampaignOperation.CompliancePause, now, reason);
        }

        return reason;
    }
}
