using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// The dialler's hopper fed from the work list: customers due now in places whose calling hours are open, in due order
/// or, with learned timing, those whose good hour is now first and those likely out held back to a better hour.
/// </summary>
public sealed class DialQueue(string campaignId, CampaignWorkList work, CampaignTiming timing, Func<string, DateTimeOffset, bool> isOpen, TimeProvider clock, ILogger logger,
    AnswerForecasts? forecasts = null, LinePace? pace = null)
{
    /// <summary>How many calls a line is taken to make in an hour before the campaign's own calls tell: two minutes a call.</summary>
    public const int DefaultHeldCallsPerLineHour = 30;

    /// <summary>
    /// How many reads of due customers one refill may make with learned timing while it holds what it reads and the
    /// lines still wait: without it, a read that holds everyone leaves the lines idle until the next dispatch pass.
    /// </summary>
    public const int MaxLearnedReads = 5;

    private readonly LinePace _pace = pace ?? new LinePace(DefaultHeldCallsPerLineHour);

    private readonly Dialler _dialler = new(isOpen);
    private readonly HoldBook _holds = new();

    public int Waiting => _dialler.Waiting;

    /// <summary>The next customers in line, at most <paramref name="room"/>, left in the queue until taken.</summary>
    public IReadOnlyList<WorkItem> Next(int room) => _dialler.Next(room);

    public WorkItem Take() => _dialler.Take();

    /// <summary>Empties the queue (a pause or cancel): its customers stay pending in the work list.</summary>
    public void Clear()
    {
        _dialler.Clear();
        forecasts?.Clear();
    }

    /// <summary>
    /// Lets go of customers whose calling hours ended while they waited, then reads more due customers when fewer wait
    /// than there is <paramref name="room"/> for.
    /// </summary>
    public async Task FillAsync(int room, CampaignDefinition definition)
    {
        _dialler.DropClosed(clock.GetUtcNow());
        if (_dialler.NeedsRefill(room))
        {
            await RefillAsync(room, Dialler.RefillSize(definition.MaxConcurrentCalls), definition);
        }
    }

    private async Task RefillAsync(int room, int limit, CampaignDefinition definition)
    {
        var now = clock.GetUtcNow();
        if (_dialler.ZonesStale(now))
        {
            _dialler.KnowZones(await work.PendingZonesAsync(), now);
        }

        var zones = _dialler.OpenZones(now);
        var due = await work.NextDueAsync(now, zones, limit);
        if (definition.Timing != CallTiming.Learned)
        {
            _dialler.Refill(due);
            return;
        }

        // Held customers leave the due list, so each read finds the next ones.
        for (var read = 1; ; read++)
        {
            var fresh = due.Where(item => !_dialler.IsQueued(item.Seq)).ToList();
            var callNow = fresh.Count == 0 ? fresh : await LearnedOrderAsync(fresh, definition, now);
            _dialler.Refill(callNow);
            var heldAny = callNow.Count < fresh.Count;
            if (!heldAny || !_dialler.NeedsRefill(room) || due.Count < limit || read == MaxLearnedReads)
            {
                return;
            }

            due = await work.NextDueAsync(now, zones, limit);
        }
    }

    /// <summary>
    /// Learned timing: due customers whose good hour is now come first; those likely out are held until their next good
    /// hour (within the campaign's hold). On a fault the customers are called in due order.
    /// </summary>
    private async Task<IReadOnlyList<WorkItem>> LearnedOrderAsync(IReadOnlyList<WorkItem> due, CampaignDefinition definition, DateTimeOffset now)
    {
        TimedDue timed;
        try
        {
            timed = await timing.SortAsync(due, definition, now, _holds, _pace.HeldPerHour(definition.MaxConcurrentCalls));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CampaignLog.TimingFailed(logger, campaignId, null, ex.Message);
            return due;
        }

        foreach (var (item, until) in timed.Held)
        {
            await work.DeferAsync(item.Seq, until, CampaignTiming.Held);
        }

        forecasts?.Expect(timed.Chances);
        return timed.CallNow;
    }
}
