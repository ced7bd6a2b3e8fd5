using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Agent;

/// <summary>What the agent says when the guard, not the model, decides the turn.</summary>
public static class AgentLines
{
    /// <summary>
    /// Whether the agent's last line asked something a bare "no, don't bother" answers: an offer ("Would you be
    /// interested?", "Would you like us to send you more information?"), a callback time ("When would suit you
    /// better?"), any other question but whether to stop calling, or the offer to note that the customer would rather not
    /// be called again. There "don't bother" declines what was asked; it is no request to end the calls.
    /// </summary>
    public static bool AsksWhatADeclineAnswers(ConversationSession session) =>
        AsksWhatADeclineAnswers(session.Transcript.LastOrDefault(l => l.Speaker == Speaker.Agent)?.Text);

    /// <summary>Whether an agent line asked what a bare "no, don't bother" declines (see the session overload).</summary>
    public static bool AsksWhatADeclineAnswers(string? agentLine)
    {
        var last = agentLine?.TrimEnd();
        return last is not null && ((last.EndsWith('?') && !last.EndsWith(AskOptOut, StringComparison.Ordinal))
            || last.EndsWith(OptOutOffer, StringComparison.Ordinal));
    }

    /// <summary>Whether an agent line asked when to call back ("When would be a good time to call you back?", "What time Friday would suit you best?").</summary>
    public static bool AsksWhenToCallBack(string? agentLine) =>
        agentLine is not null && (agentLine.Contains("call you back", StringComparison.OrdinalIgnoreCase) || agentLine.Contains("would suit you", StringComparison.OrdinalIgnoreCase));

    public const string StillThere = "Sorry, I didn't catch that. Are you still there?";

    public const string NotHeard = "Sorry, could you say that again?";

    /// <summary>Asked when a line might be a request to stop calling: a guess either way could break the law or lose a customer.</summary>
    public const string AskOptOut = "I'm sorry if we've called too often. Would you like us to stop calling you?";

    /// <summary>Said when the customer declines the offer, so a request not to be called again can still be made before the call ends.</summary>
    public const string OptOutOffer = "If you'd rather we didn't call you again, just tell me.";

    public const string SilenceGoodbye = "It seems this isn't a good moment, so I'll let you go. We'll try another time. Goodbye.";

    public static string OptOut(PreparedScript script)
    {
        var response = script.Knowledge.Objections.FirstOrDefault(o => o.Item.Kind == ObjectionKind.OptOut)?.Item.Objection.Response;
        return response is null
            ? $"Understood. I've noted that {script.Company} must not call you again. Goodbye."
            : WithGoodbye(response);
    }

    /// <summary>
    /// Said when the model failed for good. It promises nothing: the outcome asks for another call, but whether it is
    /// made depends on the campaign (still running, attempts left), which the agent cannot know.
    /// </summary>
    public const string ModelFailure = "I'm sorry, I'm having a technical problem, so I'll end the call here. We may call you back at another time. Goodbye.";

    /// <summary>Said when the model failed for good and the customer asked to be left alone: no word of calling again.</summary>
    public const string ModelFailureLeaveAlone = "I'm sorry, I'm having a technical problem, so I'll end the call here. Thank you for your time. Goodbye.";

    public static string OutOfTime(PreparedScript script) => $"I'm sorry, we've run out of time for this call. {script.Script.Closing}";

    public static bool SaysGoodbye(string text, PreparedScript script) =>
        text.Contains(script.Script.Closing, StringComparison.OrdinalIgnoreCase) ||
        text.Contains("bye", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reply of a turn that ends the call: it must take leave of the customer.</summary>
    public static string Closing(string text, PreparedScript script) =>
        string.IsNullOrWhiteSpace(text) ? script.Script.Closing
        : SaysGoodbye(text, script) ? text
        : $"{text} {script.Script.Closing}";

    private static string WithGoodbye(string text) =>
        text.Contains("bye", StringComparison.OrdinalIgnoreCase) ? text : $"{text.TrimEnd()} Goodbye.";
}
