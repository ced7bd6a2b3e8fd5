using Campaign.Abstractions.Customers;

namespace Campaign.ConversationEval.Eval;

/// <summary>One labelled caller dialogue: the caller's lines in order and the outcome a person would record.</summary>
public sealed record EvalDialogue(string Id, string Style, IReadOnlyList<string> Lines, ExpectedOutcome Expected);

/// <summary>
/// The correct outcome of a dialogue, in the product's vocabulary: interest (unknown when the caller never said),
/// concerns as short topics, the follow-up kind (an opt-out is <see cref="FollowUpKind.LeaveAlone"/>), the callback
/// slot in the customer's local time when one was given, and whether the caller opted out.
/// </summary>
public sealed record ExpectedOutcome(Interest Interest, IReadOnlyList<string> Concerns, FollowUpKind FollowUp, CallbackSlot? Callback, bool OptOut);

/// <summary>A callback time as the customer meant it: a local weekday and hour.</summary>
public sealed record CallbackSlot(DayOfWeek Weekday, int Hour)
{
    public override string ToString() => $"{Weekday} {Hour:00}:00";
}
