using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Functions;
using Campaign.Conversation.Offline;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Outcome;

/// <summary>
/// The deterministic extraction pass: reads every customer line with the language-understanding layer, taking a bare
/// yes or no as the answer to the agent line before it. It leaves the summary blank: the outcome composer writes one
/// from the merged fields.
/// </summary>
public static class TranscriptExtractor
{
    public static CallSummaryRecord Extract(ConversationSession session, PreparedScript script)
    {
        Interest? interest = null;
        var concerns = new List<string>();
        FollowUpKind? followUp = null;
        string? callbackTime = null;
        string? previous = null;
        var agentLines = 0;
        foreach (var line in session.Transcript)
        {
            if (line.Speaker == Speaker.Agent)
            {
                previous = line.Text;
                agentLines++;
                continue;
            }

            var u = UtteranceAnalyzer.Analyze(line.Text, script.Knowledge);
            // A bare "no, don't bother" declines what the agent offered, also when said over its goodbye.
            var offeredOrLeft = AgentLines.AsksWhatADeclineAnswers(previous) || (previous is not null && AgentLines.SaysGoodbye(previous, script));
            if (u.OptOut && !(offeredOrLeft && OptOutRecognizer.IsBareDecline(line.Text)))
            {
                interest = Interest.NotInterested;
                followUp = FollowUpKind.LeaveAlone;
                continue;
            }

            var askedConcerns = previous is not null && previous.EndsWith(script.ConcernsQuestion, StringComparison.Ordinal);
            foreach (var topic in u.ConcernTopics(askedConcerns))
            {
                if (!concerns.Contains(topic, StringComparer.OrdinalIgnoreCase))
                {
                    concerns.Add(topic);
                }
            }

            var askedWhen = previous?.Contains("call you back", StringComparison.OrdinalIgnoreCase) == true;
            if (AgentLines.AsksWhenToCallBack(previous) && OfflineDialogue.TakesInformationInstead(u))
            {
                // "I couldn't tell you when. Just post me out something": information instead of the call put off.
                followUp = FollowUpKind.MoreInfo;
                callbackTime = null;
                interest ??= Interest.Neutral;
                continue;
            }

            if (u.CallbackRequested || (askedWhen && u.TimePhrase is not null))
            {
                followUp = FollowUpKind.Callback;
                callbackTime = u.TimePhrase is { } phrase ? CallbackTimeParser.Complete(callbackTime, phrase) : callbackTime;
            }

            var offered = previous?.Contains("more information", StringComparison.OrdinalIgnoreCase) == true;
            if ((u.WantsMoreInfo || (offered && (u.Polarity == Polarity.Yes || (u.Polarity == Polarity.None && u.SemanticMoreInfo())))) && followUp != FollowUpKind.Callback)
            {
                followUp = FollowUpKind.MoreInfo;
            }

            // "Go on then" to the offer of information and "not sure" to "when shall we call you back?" are not about interest.
            var aboutOffer = (offered || u.WantsMoreInfo) && interest is { } known && OfflineDialogue.AnswersOffer(u, known);
            if (u.Interest is { } stated && !aboutOffer && !(askedWhen && stated == Interest.Neutral))
            {
                interest = stated;
            }
            else if (agentLines == 1 && !u.Busy && !u.CallbackRequested && u.Concern is null && !u.IsQuestion && u.SemanticInterest() is { } meant
                     && !(meant == Interest.Neutral && u.Polarity != Polarity.None))
            {
                interest = meant;
            }
            else if (agentLines == 1 && u.Polarity != Polarity.None && !u.Busy && !u.CallbackRequested && !u.IsQuestion)
            {
                interest = u.Polarity == Polarity.Yes ? Interest.Interested : Interest.NotInterested;
            }
        }

        return new CallSummaryRecord(
            CallFunctions.LevelName(interest ?? Interest.Unknown),
            [.. concerns],
            followUp switch
            {
                FollowUpKind.MoreInfo => "moreInfo",
                FollowUpKind.Callback => "callback",
                FollowUpKind.LeaveAlone => "leaveAlone",
                _ => "none",
            },
            callbackTime,
            Summary: "");
    }
}
