using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;

namespace Campaign.Host.Ui;

/// <summary>
/// One line of the campaign list as a report. <see cref="Audience"/> is the fixed audience once started, and for a
/// draft or a scheduled campaign the people it would call now (<see cref="AudienceProjected"/>; null when its segment
/// is gone). Rates are null until there is something to divide by.
/// </summary>
public sealed record CampaignReport(
    CampaignInfo Campaign,
    int? Audience,
    bool AudienceProjected,
    int Finished,
    double? Progress,
    int Calls,
    double? AnswerRate,
    double? InterestRate,
    int OpenFollowUps,
    StartPreview? Start = null)
{
    /// <summary>A draft or scheduled campaign's report carries what Start would do now (<see cref="Start"/>); its audience is that projection.</summary>
    public static async Task<CampaignReport> LoadAsync(
        CampaignInfo info, IGrainFactory grains, Func<CampaignInfo, Task<StartPreview>> preview)
    {
        if (info.StartedAt is null)
        {
            var start = info.Status is CampaignStatus.Draft or CampaignStatus.Scheduled ? await preview(info) : null;
            return new CampaignReport(info, start?.Audience, true, 0, null, 0, null, null, 0, start);
        }

        // One grain call: the campaign answers its progress and running statistics from memory.
        if (await grains.GetGrain<ICampaignGrain>(info.Id).GetViewAsync(new CampaignViewRequest(TopConcerns: 0, LiveTake: 0)) is not { } view)
        {
            return new CampaignReport(info, null, false, 0, null, 0, null, null, 0);
        }

        var (progress, outcomes) = (view.Progress, view.Outcomes);
        var attempts = progress.Results.Values.Sum();
        var answered = outcomes.BySegment.Sum(s => s.Answered);
        return new CampaignReport(
            info,
            progress.Audience,
            false,
            progress.Finished,
            progress.Audience == 0 ? null : Math.Min(1, (double)progress.Finished / progress.Audience),
            attempts,
            attempts == 0 ? null : (double)progress.Results.GetValueOrDefault("answered") / attempts,
            answered == 0 ? null : (double)outcomes.BySegment.Sum(s => s.Interested) / answered,
            outcomes.FollowUps.MoreInfo + outcomes.FollowUps.Callback);
    }
}
