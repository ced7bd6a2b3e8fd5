using System.ComponentModel;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Understanding;
using Microsoft.SemanticKernel;

namespace Campaign.Conversation.Functions;

/// <summary>
/// The kernel functions the model calls during a conversation (plugin <c>call</c>, so the tools are named
/// <c>call-record_interest</c> and so on). They write into the session of the turn the kernel carries.
/// </summary>
public sealed class CallFunctions
{
    public const string PluginName = "call";
    public const string RecordInterestName = "record_interest";
    public const string RecordConcernName = "record_concern";
    public const string RecordFollowUpName = "record_follow_up";
    public const string OptOutName = "opt_out";
    public const string EndCallName = "end_call";
    public const string TransferToHumanName = "transfer_to_human";

    [KernelFunction(RecordInterestName)]
    [Description("Record how interested the customer is in what this call is about, as soon as they show it.")]
    public string RecordInterest(Kernel kernel, [Description("how interested they are")] InterestLevel level)
    {
        var turn = ConversationTurn.Require(kernel);
        var interest = level.ToInterest();
        return SessionUpdates.SetInterest(turn.Session, interest) ? $"Recorded: {interest}." : "Not recorded: the customer opted out.";
    }

    [KernelFunction(RecordConcernName)]
    [Description("Record a concern the customer raised, in a few words (for example: power cuts at night). Call once per concern.")]
    public string RecordConcern(Kernel kernel, [Description("the concern in a few words")] string text)
    {
        var turn = ConversationTurn.Require(kernel);
        if (ConcernTopic.Of(text) is null)
        {
            return "Not recorded: a courtesy, a time or a yes or no is not a concern.";
        }

        return SessionUpdates.AddConcern(turn.Session, text, turn.Script.Knowledge.Issues) ? "Recorded." : "Already recorded.";
    }

    [KernelFunction(RecordFollowUpName)]
    [Description("Record what the customer wants next: moreInfo (send them information), callback (call them back, with when), or leaveAlone (no follow-up).")]
    public string RecordFollowUp(
        Kernel kernel,
        [Description("moreInfo (send information), callback (call again) or leaveAlone (no follow-up)")] FollowUpChoice kind,
        [Description("for a callback: when, in the customer's words, e.g. 'tomorrow at 5 pm'; null otherwise")] string? when = null)
    {
        var turn = ConversationTurn.Require(kernel);
        if (!SessionUpdates.SetFollowUp(turn.Session, kind.ToFollowUpKind(), when, turn.Now, turn.Script.Zone))
        {
            return "Not recorded.";
        }

        return turn.Session.FollowUp.At is { } at
            ? $"Recorded a callback at {at.ToOffset(turn.Script.Zone.GetUtcOffset(at)):yyyy-MM-dd HH:mm} customer time."
            : "Recorded.";
    }

    [KernelFunction(OptOutName)]
    [Description("The customer asked never to be called again. Record it, then say goodbye and end the call.")]
    public string OptOut(Kernel kernel)
    {
        var turn = ConversationTurn.Require(kernel);
        SessionUpdates.OptOut(turn.Session);
        return "Recorded: the customer will not be called again.";
    }

    [KernelFunction(TransferToHumanName)]
    [Description("The customer really wants to speak to a person (not just asking whether you are one), or the script says to hand the call over. Puts the call through to a colleague when one is available; the result says what to tell the customer.")]
    public string TransferToHuman(Kernel kernel)
    {
        var turn = ConversationTurn.Require(kernel);
        var decision = HumanTransfer.Decide(turn);
        switch (decision.Outcome)
        {
            case TransferOutcome.PutThrough:
                return $"A colleague is available. Say exactly: \"{HumanTransfer.PutThroughLine}\" The call is put through after your reply; do not say goodbye.";
            case TransferOutcome.Callback:
                turn.EndRequested = true;
                return $"No colleague is available now. Recorded a callback. Say: \"{HumanTransfer.CallbackLine(decision.CallbackAt!.Value, turn.Script)}\" Then say goodbye.";
            default:
                return turn.Session.OptedOut
                    ? "Not possible: the customer opted out."
                    : $"No transfer is possible on this call. Recorded a callback. Say: \"{HumanTransfer.NoTransferLine}\" and ask when suits them.";
        }
    }

    [KernelFunction(EndCallName)]
    [Description("End the call after your goodbye. Use it once the closing line has been said.")]
    public string EndCall(Kernel kernel)
    {
        ConversationTurn.Require(kernel).EndRequested = true;
        return "The call will end after your reply.";
    }

    internal static string LevelName(Interest interest) => interest switch
    {
        Interest.Interested => "interested",
        Interest.Neutral => "neutral",
        Interest.NotInterested => "notInterested",
        _ => "unknown",
    };
}
