using System.Globalization;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Scripts;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Agent;

/// <summary>
/// The customer asked for a person. Within the script's transfer hours the call is put through (the agent says
/// <see cref="PutThroughLine"/>); outside them, or when the script names no transfer number, a colleague's callback is
/// recorded instead: at the next opening of the hours, or without a time when there is no number to call from.
/// </summary>
public static class HumanTransfer
{
    public const string PutThroughLine = "I'll put you through to a colleague now, please hold.";

    public const string NoTransferLine = "I'm afraid I can't put you through from this call, but a colleague can call you back.";

    /// <summary>What a request for a person on this turn leads to, without changing anything.</summary>
    public static TransferDecision Assess(ConversationTurn turn)
    {
        if (turn.Session.OptedOut || turn.Script.Script.Transfer is not { } transfer)
        {
            return new TransferDecision(TransferOutcome.NotOffered, null);
        }

        var schedule = TransferSchedule.Of(transfer.Hours);
        return schedule.IsOpen(turn.Now)
            ? new TransferDecision(TransferOutcome.PutThrough, null)
            : new TransferDecision(TransferOutcome.Callback, schedule.NextOpening(turn.Now));
    }

    /// <summary>Decides the request on the turn: a transfer set on the turn, or a callback recorded in the session.</summary>
    public static TransferDecision Decide(ConversationTurn turn)
    {
        var session = turn.Session;
        var decision = Assess(turn);
        switch (decision.Outcome)
        {
            case TransferOutcome.PutThrough:
                var transfer = turn.Script.Script.Transfer!;
                turn.TransferRequested = new AgentTransfer(transfer.Number, transfer.Whisper ? Whisper(session, turn.Script) : null);
                break;
            case TransferOutcome.Callback:
                session.FollowUp = new FollowUp(FollowUpKind.Callback, decision.CallbackAt);
                session.Memory.CallbackPhrase = null;
                break;
            default:
                SessionUpdates.SetFollowUp(session, FollowUpKind.Callback, null, turn.Now, turn.Script.Zone);
                break;
        }

        return decision;
    }

    /// <summary>What the agent says when people are not available: when a colleague will call back, in the customer's time.</summary>
    public static string CallbackLine(DateTimeOffset at, PreparedScript script)
    {
        var local = CustomerClock.Local(at, script.Zone);
        return $"My colleagues aren't available right now, so I've arranged for one of them to call you back on {local.ToString("dddd 'at' h:mm tt", CultureInfo.InvariantCulture)}.";
    }

    /// <summary>
    /// What the person hears before being connected: who is calling, and what the call has learnt so far (interest and
    /// concerns), so the customer need not repeat it.
    /// </summary>
    public static string Whisper(ConversationSession session, PreparedScript script)
    {
        var concerns = session.Concerns.Count == 0 ? "none mentioned" : string.Join(", ", session.Concerns);
        var interest = session.Interest switch
        {
            Interest.Interested => "interested",
            Interest.Neutral => "undecided",
            Interest.NotInterested => "not interested",
            _ => "not stated",
        };
        return $"Transfer from the {script.Company} assistant. Customer: {session.Customer.Name}. Interest: {interest}. Concerns: {concerns}.";
    }
}

public enum TransferOutcome
{
    /// <summary>A person takes the call now.</summary>
    PutThrough,

    /// <summary>Outside the hours: a colleague calls back at <see cref="TransferDecision.CallbackAt"/>.</summary>
    Callback,

    /// <summary>The script names no transfer number (or the customer opted out): a callback without a time.</summary>
    NotOffered,
}

public sealed record TransferDecision(TransferOutcome Outcome, DateTimeOffset? CallbackAt);
