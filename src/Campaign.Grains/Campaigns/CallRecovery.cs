using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// After a restart, the calls the work list still has in a call are either live (they will report), ended (they
/// settle now) or never placed (back in line); the campaign's other trunk lines, of calls that ended before it could
/// give them back, go back.
/// </summary>
public sealed class CallRecovery(CampaignWorkList work, CallsInFlight inFlight, CallEnds ends, TrunkLines lines, IGrainFactory grains, TimeProvider clock)
{
    public async Task RecoverAsync()
    {
        foreach (var item in await work.InCallAsync())
        {
            var callId = item.CallId!;
            var record = await grains.GetGrain<ICallGrain>(callId).GetAsync();
            if (record is null)
            {
                await work.SettleAsync(item.Seq, callId, RetryPlanner.NeverPlaced(clock.GetUtcNow()));
                lines.Ended(callId);
            }
            else if (record is { Status: CallStatus.Ended, Result: not null })
            {
                await ends.EndedAsync(CallReport.Of(record, item.Seq));
            }
            else
            {
                inFlight.Add(callId, item, record.StartedAt ?? clock.GetUtcNow(), new CallProgress(callId, record.Status, record.StartedAt, record.AnsweredAt, null));
            }
        }

        // Lines of calls that ended and reported before the restart may not have been given back yet.
        await lines.KeepOnlyAsync(inFlight.CallIds);
    }
}
