using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

/// <summary>Says, for each pending work item, why it waits and from when it may be dialled.</summary>
public static class PendingCalls
{
    /// <summary>How far ahead an opening of calling hours is looked for.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(8);

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<PendingCall> Explain(IEnumerable<WorkItem> items, DateTimeOffset now, Func<string, DateTimeOffset, bool> isOpen)
    {
        var openings = new Dictionary<(string, DateTimeOffset), DateTimeOffset?>();
        return items.Select(item =>
        {
            var from = item.DueAt > now ? item.DueAt : now;
            if (isOpen(item.TimeZone, from))
            {
                var waiting = item.LastResult == CampaignTiming.Held ? PendingReason.BetterTime : PendingReason.Retry;
                return new PendingCall(item.CustomerId, item.SegmentId, item.Attempts + 1, item.DueAt, item.DueAt > now ? waiting : PendingReason.NextInLine, from);
            }

            if (!openings.TryGetValue((item.TimeZone, from), out var opens))
            {
                openings[(item.TimeZone, from)] = opens = NextOpening(t => isOpen(item.TimeZone, t), from);
            }

            return new PendingCall(item.CustomerId, item.SegmentId, item.Attempts + 1, item.DueAt, PendingReason.CallingHours, opens);
        }).ToList();
    }

    /// <summary>The first whole minute after <paramref name="from"/> at which <paramref name="isOpen"/> holds, within <see cref="Horizon"/>.</summary>
    public static DateTimeOffset? NextOpening(Func<DateTimeOffset, bool> isOpen, DateTimeOffset from)
    {
        var closed = from;
        for (var at = from + Step; at <= from + Horizon; at += Step)
        {
            if (!isOpen(at))
            {
                closed = at;
                continue;
            }

            // Calling hours open on a minute: narrow (closed, at] down to it.
            var low = Minute(closed);
            var high = Minute(at) < at ? Minute(at) + TimeSpan.FromMinutes(1) : at;
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = Minute(low + ((high - low) / 2));
                if (isOpen(middle))
                {
                    high = middle;
                }
                else
                {
                    low = middle;
                }
            }

            return high;
        }

        return null;
    }

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), at.Offset);
}
