using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Customers;

/// <summary>
/// The customer's call in progress, held in memory by the customer's grain, which no two calls pass at once. Claiming
/// and freeing the customer write nothing of their own: the dial decision naming the call is stored before any dial,
/// and the end of every call is stored in the contact history, so a new activation (after a restart, on another
/// silo) reads from those two whether a call may still be live, and until when.
/// </summary>
public sealed class LiveCallClaim(Func<int, int, Task<DecisionPage>> decisionsNewestFirst, Func<Task<IReadOnlyList<ContactAttempt>>> history, TimeSpan longestHold)
{
    private const int Page = 20;
    private bool _known;
    private string? _callId;
    private DateTimeOffset _until;

    /// <summary>The live call and until when it holds the customer; null when none may be live.</summary>
    public async Task<(string CallId, DateTimeOffset Until)?> CurrentAsync(DateTimeOffset now)
    {
        if (!_known)
        {
            (_callId, _until) = await RecoverAsync(now);
            _known = true;
        }

        return _callId is { } callId && _until > now ? (callId, _until) : null;
    }

    public void Claim(string callId, DateTimeOffset until) => (_known, _callId, _until) = (true, callId, until);

    /// <summary>The call ended: the customer is free, unless a later call already holds them.</summary>
    public void Release(string callId)
    {
        if (_callId == callId)
        {
            _callId = null;
        }
    }

    /// <summary>The newest decision that dialled, if its hold is not over and its call's end is not in the history.</summary>
    private async Task<(string?, DateTimeOffset)> RecoverAsync(DateTimeOffset now)
    {
        for (var skip = 0; ; skip += Page)
        {
            var page = await decisionsNewestFirst(skip, Page);
            foreach (var decision in page.Items)
            {
                if (decision.At + longestHold <= now)
                {
                    return (null, default);
                }

                if (decision.CallId is { } callId)
                {
                    var ended = (await history()).Any(a => a.CallId == callId);
                    return ended ? (null, default) : (callId, decision.At + longestHold);
                }
            }

            if (page.Items.Count < Page)
            {
                return (null, default);
            }
        }
    }
}
