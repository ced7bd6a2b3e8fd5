using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// The dialler's decisions: how many calls may start now, which customers wait in the hopper (a small in-memory buffer
/// of due customers, refilled from the places whose calling hours are open), and which of them go next.
/// <paramref name="isOpen"/> says whether customers placed at a work list's place key may be called at a time.
/// </summary>
public sealed class Dialler(Func<string, DateTimeOffset, bool> isOpen)
{
    /// <summary>How long the list of places with pending customers is trusted before it is read again.</summary>
    public static readonly TimeSpan ZonesRefresh = TimeSpan.FromSeconds(10);

    private readonly Queue<WorkItem> _hopper = new();
    private IReadOnlyList<string> _zones = [];
    private DateTimeOffset _zonesReadAt;

    public int Waiting => _hopper.Count;

    /// <summary>
    /// How many calls may start now: the campaign's quota less its live calls, within what today's budget leaves. The
    /// trunk's share caps it further when the lines are asked for.
    /// </summary>
    public static int Room(int quota, int live, int budgetLeft) => Math.Min(quota - live, budgetLeft);

    /// <summary>How many due customers a refill reads: enough for two rounds of the quota.</summary>
    public static int RefillSize(int quota) => Math.Max(quota * 2, 20);

    /// <summary>Whether the hopper holds fewer customers than there is room for.</summary>
    public bool NeedsRefill(int room) => _hopper.Count < room;

    /// <summary>Whether the places with pending customers must be read again before a refill.</summary>
    public bool ZonesStale(DateTimeOffset now) => _zones.Count == 0 || now - _zonesReadAt > ZonesRefresh;

    public void KnowZones(IReadOnlyList<string> zones, DateTimeOffset now) => (_zones, _zonesReadAt) = (zones, now);

    /// <summary>The places with pending customers whose calling hours are open now: a refill reads only those.</summary>
    public IReadOnlyList<string> OpenZones(DateTimeOffset now) => _zones.Where(zone => isOpen(zone, now)).ToList();

    /// <summary>Adds due customers to the hopper, leaving out any already in it.</summary>
    public void Refill(IEnumerable<WorkItem> due)
    {
        var queued = _hopper.Select(i => i.Seq).ToHashSet();
        foreach (var item in due)
        {
            if (queued.Add(item.Seq))
            {
                _hopper.Enqueue(item);
            }
        }
    }

    /// <summary>Customers wait in the hopper while calls run; one whose calling hours ended meanwhile goes back to wait.</summary>
    public void DropClosed(DateTimeOffset now)
    {
        if (_hopper.All(item => isOpen(item.TimeZone, now)))
        {
            return;
        }

        var open = _hopper.Where(item => isOpen(item.TimeZone, now)).ToList();
        _hopper.Clear();
        foreach (var item in open)
        {
            _hopper.Enqueue(item);
        }
    }

    /// <summary>Whether the work item is waiting in the hopper.</summary>
    public bool IsQueued(long seq) => _hopper.Any(item => item.Seq == seq);

    /// <summary>The next customers in line, at most <paramref name="room"/>, left in the hopper until taken.</summary>
    public IReadOnlyList<WorkItem> Next(int room) => _hopper.Take(room).ToList();

    /// <summary>Takes the first customer in line out of the hopper.</summary>
    public WorkItem Take() => _hopper.Dequeue();

    /// <summary>Empties the hopper (a pause or cancel): its customers stay pending in the work list.</summary>
    public void Clear() => _hopper.Clear();
}
