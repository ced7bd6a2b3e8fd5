using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// What becomes of a work item once its attempt is over: its next <see cref="State"/>, the result or reason on record,
/// when it falls due again (pending only), and whether the attempt counts towards the retry policy.
/// </summary>
public sealed record Settlement(WorkItemState State, string? Result, DateTimeOffset? DueAt, bool CountsAttempt)
{
    /// <summary>A call was made: the item is done, or due again at <paramref name="retryAt"/>.</summary>
    public static Settlement Called(string result, DateTimeOffset? retryAt) =>
        new(retryAt is null ? WorkItemState.Done : WorkItemState.Pending, result, retryAt, CountsAttempt: true);

    /// <summary>Nothing was dialled and nothing ever will be, for <paramref name="reason"/> (a rule name).</summary>
    public static Settlement Skipped(string reason) => new(WorkItemState.Skipped, reason, null, CountsAttempt: false);

    /// <summary>Nothing was dialled: the customer waits in the queue until <paramref name="dueAt"/>, the attempt not counted.</summary>
    public static Settlement Requeued(string? reason, DateTimeOffset dueAt) => new(WorkItemState.Pending, reason, dueAt, CountsAttempt: false);

    /// <summary>Nothing was dialled and the campaign was cancelled meanwhile.</summary>
    public static Settlement Cancelled { get; } = new(WorkItemState.Cancelled, "campaignCancelled", null, CountsAttempt: false);
}
