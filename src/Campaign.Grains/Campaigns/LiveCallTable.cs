using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// A campaign's calls in flight: whom each one calls, and what its progress notices said (state, answer
/// time, customer's name). Pages are read oldest first; the order is kept until the table changes.
/// </summary>
public sealed class LiveCallTable
{
    private readonly Dictionary<string, LiveCall> _calls = new(StringComparer.Ordinal);
    private List<LiveCall>? _ordered;

    public int Count => _calls.Count;

    public IReadOnlyCollection<string> CallIds => _calls.Keys;

    public bool Contains(string callId) => _calls.ContainsKey(callId);

    public void Add(string callId, WorkItem item, DateTimeOffset since, CallProgress? progress = null)
    {
        _calls[callId] = new LiveCall(callId, item.CustomerId, item.SegmentId, item.Attempts + 1, since);
        _ordered = null;
        if (progress is not null)
        {
            Update(progress);
        }
    }

    public bool Remove(string callId)
    {
        _ordered = null;
        return _calls.Remove(callId);
    }

    /// <summary>Applies a progress notice; false when the call is not live here (it ended, or belongs elsewhere).</summary>
    public bool Update(CallProgress progress)
    {
        if (!_calls.TryGetValue(progress.CallId, out var call))
        {
            return false;
        }

        _calls[progress.CallId] = call with
        {
            Status = progress.Status,
            Since = progress.StartedAt ?? call.Since,
            AnsweredAt = progress.AnsweredAt ?? call.AnsweredAt,
            CustomerName = progress.CustomerName ?? call.CustomerName,
        };
        _ordered = null;
        return true;
    }

    public LiveCallPage Page(int skip, int take)
    {
        _ordered ??= [.. _calls.Values.OrderBy(c => c.Since).ThenBy(c => c.CallId, StringComparer.Ordinal)];
        return new LiveCallPage(_ordered.Count, _ordered.Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToList());
    }
}
