using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telemetry;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// Starts the call grain of an attempt at a work item, and settles the item when the start dialled nothing. A start
/// whose answer never came (a grain call's response timeout, a fault) keeps its line until the call grain says what
/// became of it: the start goes on in the call grain without its caller, and may dial.
/// </summary>
public sealed class CallAttempts(
    CampaignRecord campaign,
    CallEnds ends,
    CallsInFlight inFlight,
    RetryPlanner retries,
    CampaignExperiment experiment,
    IGrainFactory grains,
    TimeSpan maxDuration,
    TimeProvider clock,
    ILogger logger)
{
    /// <summary>How long the campaign waits before it asks a call grain again what became of a start (real time).</summary>
    public static readonly TimeSpan AskAgainAfter = TimeSpan.FromSeconds(1);

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
            // Not awaited: the dispatch pass goes on while the line stays taken.
            _ = FindOutAsync(item, callId);
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
    /// What became of a start whose answer was lost. The call grain takes one request at a time, so it answers once
    /// that start is over (a request that waited past its timeout is dropped, never run). Nothing was dialled: the item
    /// goes back in line and its line is freed, as for any start that dialled nothing. The call is live: it keeps its
    /// line and reports its end like any other. It already ended: its record settles the item. Asked again until the
    /// call grain answers, while the call holds its line.
    /// </summary>
    private async Task FindOutAsync(WorkItem item, string callId)
    {
        while (inFlight.Contains(callId))
        {
            try
            {
                var record = await grains.GetGrain<ICallGrain>(callId).GetAsync();
                if (record is null)
                {
                    var now = clock.GetUtcNow();
                    await ends.WithoutCallAsync(item, callId, campaign.IsRunning ? retries.StartFailed(now) : RetryPlanner.Undialled(campaign.Status, now));
                }
                else if (record is { Status: CallStatus.Ended, Result: not null })
                {
                    await ends.EndedAsync(CallReport.Of(record, item.Seq));
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CampaignLog.StartUnknown(logger, callId, ex.Message);
            }

            await Task.Delay(AskAgainAfter);
        }
    }

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
