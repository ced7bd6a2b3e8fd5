using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Calls;

namespace Campaign.Grains.Campaigns;

/// <summary>What a dispatch pass leaves the grain to do.</summary>
public enum DispatchStep
{
    /// <summary>Nothing: calls were started, or none could be.</summary>
    None,

    /// <summary>The campaign no longer runs and has no live call: its timer and reminder stop.</summary>
    Stop,

    /// <summary>Every customer was called: the campaign completes.</summary>
    Complete,
}

/// <summary>
/// One dispatch pass of a running campaign: the room left under its quota and today's budget, the queue filled with
/// due customers, trunk lines leased for the next in line (the ended calls' lines given back in the same write), their
/// work items marked and their calls started.
/// </summary>
public sealed class CampaignDispatcher(
    CampaignRecord campaign,
    CampaignWorkList work,
    DialQueue queue,
    CallsInFlight inFlight,
    CampaignBudget budget,
    CallAttempts attempts,
    DialGate gate,
    TrunkLines lines,
    TimeProvider clock)
{
    public async Task<DispatchStep> DispatchAsync()
    {
        if (!campaign.IsRunning)
        {
            return campaign.Status == CampaignStatus.Paused || inFlight.Count > 0 ? DispatchStep.None : DispatchStep.Stop;
        }

        // The silo is stopping: the calls in flight go on, no new one starts here.
        if (!gate.IsOpen)
        {
            return DispatchStep.None;
        }

        var definition = campaign.Definition;
        var room = Dialler.Room(definition.MaxConcurrentCalls, inFlight.Count, await budget.CallsLeftAsync(definition));
        if (room <= 0)
        {
            return DispatchStep.None;
        }

        await queue.FillAsync(room, definition);
        if (queue.Waiting == 0)
        {
            return inFlight.Count == 0 && await work.IsFinishedAsync(clock.GetUtcNow()) ? DispatchStep.Complete : DispatchStep.None;
        }

        await StartCallsAsync(queue.Next(room), definition.MaxConcurrentCalls);
        return DispatchStep.None;
    }

    private async Task StartCallsAsync(IReadOnlyList<WorkItem> batch, int quota)
    {
        var granted = await lines.LeaseAsync(batch.Select(CallIdOf).ToList(), quota);
        var starts = new List<Task>();
        foreach (var item in batch.Take(granted.Count))
        {
            queue.Take();
            var callId = CallIdOf(item);
            if (!campaign.IsRunning || !await work.MarkDialingAsync(item.Seq, callId))
            {
                await lines.ReleaseAsync(callId);
                continue;
            }

            // The dispatch runs interleaved: a cancel or pause may have come in while the item was being marked, after
            // it hung up the calls it knew of. Nobody would hang up a call started now.
            if (!campaign.IsRunning)
            {
                await attempts.UndoDialingAsync(item, callId);
                continue;
            }

            inFlight.Add(callId, item, clock.GetUtcNow());
            starts.Add(attempts.StartAsync(item, callId));
        }

        if (inFlight.Count > campaign.State.PeakInFlight)
        {
            campaign.State.PeakInFlight = inFlight.Count;
            await campaign.WriteAsync();
        }

        campaign.Changed();
        await Task.WhenAll(starts);
    }

    private string CallIdOf(WorkItem item) => CallRequests.CallIdOf(campaign.Id, item);
}
