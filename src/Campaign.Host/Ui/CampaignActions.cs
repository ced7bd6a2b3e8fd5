using Campaign.Abstractions.Campaigns;

namespace Campaign.Host.Ui;

/// <summary>Start, pause, resume and cancel from the pages, with a readable message when the state forbids it.</summary>
internal static class CampaignActions
{
    public const string Cancel = "cancel";

    public static readonly IReadOnlyDictionary<string, CampaignStatus[]> AllowedFrom = new Dictionary<string, CampaignStatus[]>
    {
        ["start"] = [CampaignStatus.Draft, CampaignStatus.Scheduled],
        ["pause"] = [CampaignStatus.Running],
        ["resume"] = [CampaignStatus.Paused],
        ["cancel"] = [CampaignStatus.Draft, CampaignStatus.Scheduled, CampaignStatus.Running, CampaignStatus.Paused],
    };

    /// <summary>Runs the action; answers null on success, otherwise the message to show. A cancel must be confirmed.</summary>
    public static async Task<string?> RunAsync(IGrainFactory grains, string id, string action, bool confirmed)
    {
        if (action == Cancel && !confirmed)
        {
            return "The campaign was not cancelled: cancelling cannot be undone, so it must be confirmed.";
        }

        var grain = grains.GetGrain<ICampaignGrain>(id);
        if (await grain.GetAsync() is null)
        {
            return $"Campaign '{id}' does not exist.";
        }

        try
        {
            _ = action switch
            {
                "start" => await grain.StartAsync(),
                "pause" => await grain.PauseAsync(),
                "resume" => await grain.ResumeAsync(),
                "cancel" => await grain.CancelAsync(),
                _ => throw new CampaignException($"unknown action '{action}'", "action"),
            };
            return null;
        }
        catch (CampaignException ex)
        {
            return $"Could not {action} the campaign: {ex.Message}.";
        }
    }

    public static string Lower(this CampaignStatus status) => status.ToString().ToLowerInvariant();
}
