using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;

namespace Campaign.Grains.Calls;

/// <summary>Tells the call's campaign that the call moved on, one-way: live dashboards hear of it, the call never waits for them.</summary>
internal sealed class CallProgressReport(IPersistentState<CallState> state, IGrainFactory grains, string callId)
{
    private CallState Call => state.State;

    public void Send() => _ = grains.GetGrain<ICampaignGrain>(Call.Request!.CampaignId)
        .OnCallProgressAsync(new CallProgress(callId, Call.Status, Call.StartedAt, Call.AnsweredAt, Call.Session?.Customer.Name));
}
