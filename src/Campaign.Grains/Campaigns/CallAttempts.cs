using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telemetry;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Campaigns;

/// <summary>Starts the call grain of an attempt at a work item, and settles the item when the start dialled nothing.</summary>
public sealed class CallAttempts(CampaignRecord campaign, CallEnds ends, RetryPlanner retries, CampaignExperiment experiment, IGrainFactory grains, TimeSpan maxDuration, TimeProvider clock, ILogger logger)
{
    public async Task StartAsync(WorkItem item, string callId)
    {
        var request = CallRequests.For(campaign.Id, campaign.State, item, callId, maxDuration, await experiment.ScriptForAsync(item));
        CallStartResult result;
        // One trace per dial decision: the start, the customer's decision under the rules, and the dial if allowed.
        using var activity = CampaignTelemetry.StartRoot("dial decision");
        activity?.SetTag("campaign.id", campaign.Id);
        activity?.SetTag("campaign.call.id", callId);
        try
        {
            result = await grains.GetGrain<ICallGrain>(callId).StartAsync(request);
            activity?.SetTag("campaign.dial.result", result.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            CampaignLog.StartFailed(logger, callId, ex.Message);
            await ends.WithoutCallAsync(item, callId, retries.StartFailed(clock.GetUtcNow()));
            return;
        }

        if (result == CallStartResult.AlreadyEnded)
        {
            await SettleEndedCallAsync(item, callId);
        }
        else if (retries.AfterStart(result, clock.GetUtcNow()) is { } settlement)
        {
            await ends.WithoutCallAsync(item, callId, settlement);
        }
    }

    /// <summary>A dial marked while the campaign paused or was cancelled: nobody would hang up a call started now.</summary>
    public Task UndoDialingAsync(WorkItem item, string callId) =>
        ends.WithoutCallAsync(item, callId, RetryPlanner.Undialled(campaign.Status, clock.GetUtcNow()));

    /// <summary>
    /// The attempt's call already happened and ended: a start that failed with its silo, whose call then ended on
    /// another silo while the item waited in the queue, its report finding the item no longer in that call. The stored
    /// result settles the item now, as if just reported.
    /// </summary>
    private async Task SettleEndedCallAsync(WorkItem item, string callId)
    {
        var record = await grains.GetGrain<ICallGrain>(callId).GetAsync();
        if (record is { Status: CallStatus.Ended, Result: not null })
        {
            await ends.EndedAsync(CallReport.Of(record, item.Seq)); // gives back the line taken for this start
        }
        else
        {
            await ends.WithoutCallAsync(item, callId, retries.StillEnding(clock.GetUtcNow()));
        }
    }
}
