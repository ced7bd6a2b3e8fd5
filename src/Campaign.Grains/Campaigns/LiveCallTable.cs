using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// A campaign's calls in flight: whom each one calls, and what its progress notices said (state, answer
/// time, customer's name). Pages are read oldest first from an order kept as calls come, change and go, so a page
/// costs what it holds, not what the table holds.
/// </summary>
public sealed class LiveCallTable
{
    private static readonly Comparer<LiveCall> OldestFirst = Comparer<LiveCall>.Create((a, b) =>
        a.Since.CompareTo(b.Since) is var bySince && bySince != 0 ? bySince : string.CompareOrdinal(a.CallId, b.CallId));

    private readonly Dictionary<string, LiveCall> _calls = new(StringComparer.Ordinal);
    private readonly SortedSet<LiveCall> _ordered = new(OldestFirst);

    public int Count => _calls.Count;

    public IReadOnlyCollection<string> CallIds => _calls.Keys;

    public bool Contains(string callId) => _calls.ContainsKey(callId);

    public void Add(string callId, WorkItem item, DateTimeOffset since, CallProgress? progress = null)
    {
        Put(new LiveCall(callId, item.CustomerId, item.SegmentId, item.Attempts + 1, since));
        if (progress is not null)
        {
            Update(progress);
        }
    }

    public bool Remove(string callId) => Remove(callId, out _);

    /// <summary>Removes a live call, giving when it started.</summary>
    public bool Remove(string callId, out DateTimeOffset since)
    {
        if (!_calls.Remove(callId, out var call))
        {
            since = default;
            return false;
        }

        _ordered.Remove(call);
        since = call.Since;
        return true;
    }

    /// <summary>Applies a progress notice; false when the call is not live here (it ended, or belongs elsewhere).</summary>
    public bool Update(CallProgress progress)
    {
        if (!_calls.TryGetValue(progress.CallId, out var call))
        {
            return false;
        }

        Put(call with
        {
            Status = progress.Status,
            Since = progress.StartedAt ?? call.Since,
            AnsweredAt = progress.AnsweredAt ?? call.AnsweredAt,
            CustomerName = progress.CustomerName ?? call.CustomerName,
        });
        return true;
    }

    public LiveCallPage Page(int skip, int take) =>
        new(_calls.Count, _ordered.Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToList());

    private void Put(LiveCall call)
    {
        if (_calls.Remove(call.CallId, out var previous))
        {
            _ordered.Remove(previous);
        }

        _calls[call.CallId] = call;
        _ordered.Add(call);
    }
}
