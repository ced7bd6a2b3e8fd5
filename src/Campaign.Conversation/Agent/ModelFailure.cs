using System.Globalization;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Agent;

/// <summary>
/// A call the model could not finish (errors past their retries, a timeout, empty replies): what the customer hears,
/// and the follow-up that keeps them in play. The call is not lost: unless the customer asked to be left alone, its
/// outcome asks for a callback at a set time, which the campaign dials as a new attempt within their calling hours.
/// </summary>
public static class ModelFailure
{
    /// <summary>Records the failure in the session's memory and returns what to say.</summary>
    public static string Record(ConversationSession session, PreparedScript script, string failure, DateTimeOffset callAgainAt)
    {
        session.Memory.Failure = failure;
        if (session.OptedOut)
        {
            return AgentLines.OptOut(script);
        }

        if (session.FollowUp.Kind == FollowUpKind.LeaveAlone)
        {
            return AgentLines.ModelFailureLeaveAlone;
        }

        session.Memory.CallAgainAt = callAgainAt;
        return AgentLines.ModelFailure;
    }

    /// <summary>
    /// The follow-up of a call the model could not finish, from the one the outcome composed: what the customer asked
    /// for stands (a callback at a time, more information, being left alone); otherwise a callback at the time recorded
    /// when the model failed. Adds a note saying which.
    /// </summary>
    public static FollowUp Settle(ConversationSession session, PreparedScript script, FollowUp composed)
    {
        if (session.Memory.Failure is not { } failure)
        {
            return composed;
        }

        var callAgainAt = session.Memory.CallAgainAt;
        var (followUp, what) = composed switch
        {
            _ when session.OptedOut => (composed, "no new call, the customer opted out"),
            { Kind: FollowUpKind.LeaveAlone } => (composed, "no new call, the customer asked to be left alone"),
            { Kind: FollowUpKind.Callback, At: { } asked } => (composed, $"the callback the customer asked for stands ({Local(asked, script)})"),
            { Kind: FollowUpKind.MoreInfo } => (composed, "the customer asked for more information, which stands"),
            _ when callAgainAt is { } again => (new FollowUp(FollowUpKind.Callback, again), $"a callback is set for {Local(again, script)}"),
            _ => (composed, "no new call was scheduled"),
        };
        session.Memory.AddNote($"Model failure ({failure}): {what}.");
        return followUp;
    }

    private static string Local(DateTimeOffset at, PreparedScript script) =>
        CustomerClock.Local(at, script.Zone).ToString("dddd yyyy-MM-dd 'at' HH:mm", CultureInfo.InvariantCulture) + " local time";
}
