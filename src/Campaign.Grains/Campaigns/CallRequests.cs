using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

/// <summary>What a campaign asks of a call grain for one attempt at a work item.</summary>
public static class CallRequests
{
    /// <summary>One id per attempt at an item, so a repeated start of the same attempt finds the same call.</summary>
    public static string CallIdOf(string campaignId, WorkItem item) => $"{campaignId}-{item.Seq}-a{item.Attempts + 1}";

    /// <summary>The request, with the item's segment's script at the version pinned when the campaign started.</summary>
    /// <param name="experimentScript">The script an experiment assigned this attempt, when the campaign runs one.</param>
    public static CallRequest For(string campaignId, CampaignState campaign, WorkItem item, string callId, TimeSpan maxDuration, string? experimentScript = null)
    {
        var definition = campaign.Definition!;
        var scriptId = experimentScript ?? definition.Variants.FirstOrDefault(v => v.SegmentId == item.SegmentId)?.ScriptId ?? definition.ScriptId;
        int? version = scriptId is not null && campaign.ScriptVersions.TryGetValue(scriptId, out var pinned) ? pinned : null;
        return new CallRequest(callId, campaignId, item.CustomerId, item.Seq, item.Attempts + 1, item.SegmentId, scriptId,
            definition.CallerId, definition.VoicemailPolicy, maxDuration, version, item.TimeZone,
            definition.Purpose, definition.CallingWindow);
    }
}
