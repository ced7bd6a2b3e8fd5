using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;

namespace Campaign.Abstractions.Storage;

/// <summary>
/// Which calls of a campaign to list: each given part must hold (null parts match every call). <see cref="CustomerIds"/>
/// is the set of customers a search found; an empty set matches no call.
/// </summary>
public sealed record CallFilter(
    CallResult? Result = null,
    Interest? Interest = null,
    FollowUpKind? FollowUp = null,
    IReadOnlySet<string>? CustomerIds = null)
{
    public static CallFilter None { get; } = new();

    public bool IsEmpty => Result is null && Interest is null && FollowUp is null && CustomerIds is null;

    public bool Matches(CallRecord call) =>
        (Result is null || call.Result == Result)
        && (Interest is null || call.Outcome?.Interest == Interest)
        && (FollowUp is null || call.Outcome?.FollowUp.Kind == FollowUp)
        && (CustomerIds is null || CustomerIds.Contains(call.CustomerId));
}
