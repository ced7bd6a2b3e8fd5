using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Understanding;

namespace Campaign.ConversationEval.Eval;

/// <summary>A dialogue played as a call: what was recorded, how long each of the agent's turns took, and the transcript.</summary>
public sealed record DialogueResult(EvalDialogue Dialogue, PredictedOutcome Predicted, IReadOnlyList<TimeSpan> TurnTimes, IReadOnlyList<string> Transcript);

/// <summary>The fields of a call's recorded outcome the corpus labels, with the callback read in the customer's local time.</summary>
public sealed record PredictedOutcome(Interest Interest, IReadOnlyList<string> Concerns, FollowUpKind FollowUp, CallbackSlot? Callback, bool OptOut)
{
    public static PredictedOutcome From(CallOutcome outcome, string timeZone)
    {
        CallbackSlot? slot = null;
        if (outcome.FollowUp is { Kind: FollowUpKind.Callback, At: { } at })
        {
            var local = CustomerClock.Local(at, CustomerClock.Zone(timeZone));
            slot = new CallbackSlot(local.DayOfWeek, local.Hour);
        }

        return new PredictedOutcome(outcome.Interest, outcome.Concerns, outcome.FollowUp.Kind, slot, outcome.OptedOut);
    }
}
