using Campaign.Conversation.Agent;
using Microsoft.Extensions.Logging;

namespace Campaign.Conversation.Model;

/// <summary>
/// A model that answers nothing. On a turn that goes on, that is a fault: the agent does not ask the customer to repeat
/// themselves (they were heard; the model failed), it asks the model once more within the turn's budget, and a second
/// empty reply ends the call as a model failure. A turn that ends anyway (end_call, an opt-out, the last turn) says the
/// closing line instead.
/// </summary>
public static class EmptyReply
{
    public const int MaxAttempts = 2;

    public static bool IsFault(ConversationTurn turn) => !turn.EndRequested && !turn.Session.OptedOut && !turn.LastTurn;

    /// <summary>Logs the empty reply; returns to ask again, or throws <see cref="EmptyReplyException"/> after the last attempt.</summary>
    public static void AskAgain(ConversationTurn turn, int attempt, ILogger logger)
    {
        var callId = turn.Session.CallId ?? "-";
        if (attempt < MaxAttempts)
        {
            ModelFaultLog.EmptyReply(logger, callId, attempt, "asking the model once more");
            return;
        }

        ModelFaultLog.EmptyReply(logger, callId, attempt, "the call ends politely");
        throw new EmptyReplyException();
    }
}

/// <summary>The model answered nothing, twice, on a turn that needed words.</summary>
public sealed class EmptyReplyException() : Exception("The model answered with an empty reply.");
