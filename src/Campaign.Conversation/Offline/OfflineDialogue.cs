using System.Text.RegularExpressions;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Functions;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Offline;

/// <summary>
/// The offline engine's script-following logic. Each customer line is understood first (opt-out, callback, busy,
/// concern, request for information, FAQ question, objection, interest); then the current step decides what a bare
/// answer means and which question comes next: opening → interest → concerns → capture questions → offer → closing.
/// </summary>
public static partial class OfflineDialogue
{
    private const string OfferQuestion = "Would you like us to send you more information?";
    private const string WhenQuestion = "When would be a good time to call you back?";
    private const string ConfirmQuestion = "Does that time work for you?";

    public static TurnPlan Plan(ConversationTurn turn, string customerText)
    {
        var state = turn.Session.Memory.Dialogue.Copy();
        var plan = new TurnPlan();
        var u = UtteranceAnalyzer.Analyze(customerText, turn.Script.Knowledge);
        if (turn.DeclinedOptOut is { } raised)
        {
            if (!IsBareAnswer(u))
            {
                // "No, I meant tell me more": the no answered the opt-out question, not the script's.
                u = u.Polarity == Polarity.No ? u with { Polarity = Polarity.None } : u;
            }
            else if (AboutTheOffer(UtteranceAnalyzer.Analyze(raised, turn.Script.Knowledge)) is { } before)
            {
                // A bare "no, it's fine": what the line that raised the question said about the offer stands.
                (u, customerText) = (before, raised);
            }
            else
            {
                plan.Say("Of course.");
                plan.Say(Question(turn, state));
                return plan;
            }
        }

        if (u.OptOut && OptOutRecognizer.IsBareDecline(customerText) && AgentLines.AsksWhatADeclineAnswers(turn.Session))
        {
            // "No, don't bother" answers the question put: it declines the offer or the callback, as the guard read it.
            u = u with { OptOut = false, Polarity = Polarity.No };
        }

        if (state.Step == DialogueStep.Concerns && u.Interest == Interest.Neutral
            && (u.ConcernFound is not null || ConcernTopic.NamesProblem(u.Text) || u.ConcernTopics(asked: true).Count > 0))
        {
            // "Erm, let me think, well, the hallway lights do flicker": at "what worries you?" a hedge is about the answer.
            u = u with { Interest = null };
        }

        if ((state.Step == DialogueStep.Offer || u.WantsMoreInfo) && AnswersOffer(u, turn.Session.Interest))
        {
            // "No, don't need anything, just book it in": keen on the visit, but the no is to the information.
            u = u with { Interest = null, Polarity = u.Interest == Interest.NotInterested || u.Polarity == Polarity.No ? Polarity.No : Polarity.Yes };
        }

        Decide(turn, state, plan, u, customerText);
        if (turn.LastTurn && state.Step != DialogueStep.Closed)
        {
            Close(turn, state, plan);
        }

        turn.Session.Memory.Dialogue = state;
        return plan;
    }

    // Nothing but a yes, a no or a courtesy.
    private static bool IsBareAnswer(Utterance u) =>
        u.Interest is null && u.Concern is null && !u.WantsMoreInfo && !u.CallbackRequested && !u.Busy && !u.IsQuestion && u.TimePhrase is null
        && u.Faq is null && u.Objection is null && !u.AsksIdentity;

    // The line that raised the opt-out question, read for what it says about the offer; null when it says nothing.
    private static Utterance? AboutTheOffer(Utterance raised) =>
        raised.Interest is not null || raised.Concern is not null || raised.WantsMoreInfo || raised.CallbackRequested || raised.Busy
        || raised.Polarity == Polarity.No
            ? raised with { IsQuestion = false, Faq = null, Objection = null, AsksIdentity = false, Goodbye = false }
            : null;

    private static void Decide(ConversationTurn turn, DialogueState state, TurnPlan plan, Utterance u, string text)
    {
        var script = turn.Script;
        if (u.OptOut)
        {
            plan.Call(CallFunctions.OptOutName);
            plan.Say(AgentLines.OptOut(script));
            plan.Call(CallFunctions.EndCallName);
            state.Step = DialogueStep.Closed;
            return;
        }

        if (state.Step == DialogueStep.Declined)
        {
            if (u.Interest != Interest.Interested || BareYes().IsMatch(TextTokens.Normalize(text)))
            {
                AfterDecline(turn, state, plan, u, text);
                return;
            }

            // "Ok yeah, sign me up": the customer changed their mind, and the offer goes on from the start.
            state.Step = DialogueStep.Interest;
        }

        if (u.WantsPerson)
        {
            AskForPerson(turn, state, plan);
            return;
        }

        if (HandleCallback(turn, state, plan, u))
        {
            return;
        }

        var answered = Acknowledge(turn, state, plan, u);
        if (u.Interest is { } stated)
        {
            plan.Call(CallFunctions.RecordInterestName, ("level", CallFunctions.LevelName(stated)));
            if (stated == Interest.NotInterested)
            {
                if (u.Objection?.Kind != ObjectionKind.NotInterested)
                {
                    plan.Say("I understand, thank you for letting me know.");
                }

                Decline(turn, state, plan);
                return;
            }
        }

        if (u.Goodbye && u.Concern is null && !u.IsQuestion)
        {
            Close(turn, state, plan);
            return;
        }

        switch (state.Step)
        {
            case DialogueStep.Interest:
                AtInterest(turn, state, plan, u, answered);
                break;
            case DialogueStep.Concerns:
                AtConcerns(turn, state, plan, u, answered, text);
                break;
            case DialogueStep.Capture:
                if (answered && u.Concern is null && !u.WantsMoreInfo && u.Polarity == Polarity.None)
                {
                    plan.Say(Question(turn, state));
                    break;
                }

                turn.Session.Memory.Captures[state.Capture] = text.Trim();
                if (plan.Silent)
                {
                    plan.Say("Thank you.");
                }

                Advance(turn, state, plan);
                break;
            case DialogueStep.Offer:
                if (u.WantsMoreInfo || u.Polarity == Polarity.Yes || (u.Polarity == Polarity.None && !answered && u.SemanticMoreInfo()))
                {
                    if (!u.WantsMoreInfo)
                    {
                        plan.Call(CallFunctions.RecordFollowUpName, ("kind", "moreInfo"));
                        plan.Say("Great, we'll send it to you shortly.");
                    }
                }
                else if (answered)
                {
                    plan.Say(OfferQuestion);
                    break;
                }
                else if (u.Polarity == Polarity.None && NotesLateConcerns(plan, u))
                {
                    // "Concerns, see, mostly the power going at night…": still answering the question before; the worry is
                    // noted and the offer asked again, not taken as declined.
                    plan.Say(OfferQuestion);
                    break;
                }
                else
                {
                    plan.Say("No problem.");
                }

                Advance(turn, state, plan);
                break;
            default:
                Close(turn, state, plan);
                break;
        }
    }

    // Callback requests and the answer to "when shall we call you back?"; true when the turn is decided.
    private static bool HandleCallback(ConversationTurn turn, DialogueState state, TurnPlan plan, Utterance u)
    {
        if (state.Step == DialogueStep.CallbackConfirm)
        {
            ConfirmCallback(turn, state, plan, u);
            return true;
        }

        var awaitingHour = state.Step == DialogueStep.CallbackHour;
        if ((state.Step == DialogueStep.CallbackTime || awaitingHour) && TakesInformationInstead(u))
        {
            // "I couldn't tell you when. Just post me out something": information instead of a call. Someone who put the
            // call off and takes the information has not said yes or no to the offer.
            if (turn.Session.Interest == Interest.Unknown)
            {
                plan.Call(CallFunctions.RecordInterestName, ("level", CallFunctions.LevelName(Interest.Neutral)));
            }

            plan.Call(CallFunctions.RecordFollowUpName, ("kind", "moreInfo"));
            plan.Say("Of course, we'll send you the information instead.");
            Close(turn, state, plan);
            return true;
        }

        if (awaitingHour && u.TimePhrase is null)
        {
            // "What time on Saturday?" … "Whenever, I'm in all day": the day stands, at the usual hour.
            plan.Say($"No problem, we'll call you back {ReadBack(turn, turn.Session.Memory.CallbackPhrase)}.");
            Close(turn, state, plan);
            return true;
        }

        var awaitingTime = state.Step == DialogueStep.CallbackTime || awaitingHour;
        // A bare time in answer to the opening question, or after a line that was not understood ("not a good moment,
        // the kids are screaming" … "Monday first thing"), names when to call back.
        var bareTime = u.TimePhrase is not null && u.Concern is null && u.Interest is null && !u.IsQuestion && !u.WantsMoreInfo &&
                       u.Polarity == Polarity.None && (state.Step == DialogueStep.Interest || state.Unclear > 0);
        if (u.CallbackRequested || bareTime || (awaitingTime && u.TimePhrase is not null))
        {
            plan.Call(CallFunctions.RecordFollowUpName, ("kind", "callback"), ("when", u.TimePhrase));
            if (u.TimePhrase is { } when && !awaitingHour && CallbackTimeParser.NamesDayOnly(when))
            {
                state.Step = DialogueStep.CallbackHour;
                state.Unclear = 0;
                plan.Say($"Of course. What time {when} would suit you best?");
            }
            else if (u.TimePhrase is { } time)
            {
                var completed = awaitingHour ? CallbackTimeParser.Complete(turn.Session.Memory.CallbackPhrase, time) : time;
                // Read back, so "actually no, make it eleven" is heard before the call ends.
                state.Step = DialogueStep.CallbackConfirm;
                state.Unclear = 0;
                plan.Say($"Of course, we'll call you back {ReadBack(turn, completed)}. {ConfirmQuestion}");
            }
            else
            {
                Await(state, plan, "Of course.");
            }

            return true;
        }

        if (u.Busy && !awaitingTime)
        {
            var response = u.Objection?.Kind == ObjectionKind.Busy ? u.Objection.Objection.Response : "I understand.";
            Await(state, plan, response);
            return true;
        }

        if (!awaitingTime)
        {
            return false;
        }

        if (u.Polarity == Polarity.No || u.Interest == Interest.NotInterested || u.Goodbye)
        {
            plan.Say("No problem.");
            Close(turn, state, plan);
        }
        else if (u.Interest == Interest.Interested && state.Resume == DialogueStep.Interest)
        {
            // "Oh, fine. Yes, I'm interested": the answer to the opening question after all; the call goes on from there.
            state.Step = state.Resume;
            state.Unclear = 0;
            return false;
        }
        else if (u.Polarity == Polarity.Yes || u.Interest == Interest.Interested)
        {
            state.Step = state.Resume;
            state.Unclear = 0;
            plan.Say("Thank you.");
            plan.Say(Question(turn, state));
        }
        else if (++state.Unclear >= 2)
        {
            plan.Call(CallFunctions.RecordFollowUpName, ("kind", "callback"));
            plan.Say("I'll make a note to try another time.");
            Close(turn, state, plan);
        }
        else
        {
            plan.Say("Sorry, when would suit you? For example, tomorrow at 5 pm.");
        }

        return true;
    }

    // A refusal of the offer leaves the customer a turn to ask not to be called again (an automated call must offer a
    // way to opt out); the call ends after it.
    private static void Decline(ConversationTurn turn, DialogueState state, TurnPlan plan)
    {
        if (turn.LastTurn)
        {
            Close(turn, state, plan);
            return;
        }

        state.Step = DialogueStep.Declined;
        plan.Say(AgentLines.OptOutOffer);
    }

    // The line after "if you'd rather we didn't call you again, just tell me": a bare yes to that is the request itself
    // (a request in words was already taken by the guard); "right, ta-ra" and a sarcastic "oh yes, please" are not; a wish
    // for information is noted; then goodbye.
    private static void AfterDecline(ConversationTurn turn, DialogueState state, TurnPlan plan, Utterance u, string text)
    {
        if (BareYes().IsMatch(TextTokens.Normalize(text)))
        {
            plan.Call(CallFunctions.OptOutName);
            plan.Say(AgentLines.OptOut(turn.Script));
            plan.Call(CallFunctions.EndCallName);
            state.Step = DialogueStep.Closed;
            return;
        }

        // "Ah, only the power cuts at night, but sure that's your end": a worry told after a refusal is noted too.
        var topics = u.ConcernFound is not null || !u.Goodbye ? u.ConcernTopics(asked: u.ConcernFound is null) : [];
        foreach (var topic in topics)
        {
            plan.Call(CallFunctions.RecordConcernName, ("text", topic));
        }

        if (u.WantsMoreInfo)
        {
            plan.Call(CallFunctions.RecordFollowUpName, ("kind", "moreInfo"));
            plan.Say("Certainly, we'll send you more information.");
        }
        else if (topics.Count > 0)
        {
            plan.Say("Thank you, I've noted that.");
        }

        Close(turn, state, plan);
    }

    // The answer to the callback time read back: a new time corrects it, a plain no asks again, anything else ends the call.
    private static void ConfirmCallback(ConversationTurn turn, DialogueState state, TurnPlan plan, Utterance u)
    {
        // "Any morning works for me" says when they are free in general, and leaves the time they named.
        var same = string.Equals(u.TimePhrase, turn.Session.Memory.CallbackPhrase, StringComparison.OrdinalIgnoreCase);
        if (u.TimePhrase is { } corrected && !same && !UtteranceAnalyzer.NamesAnyMoment(u.Text))
        {
            plan.Call(CallFunctions.RecordFollowUpName, ("kind", "callback"), ("when", corrected));
            plan.Say($"No problem, we'll call you back {ReadBack(turn, CallbackTimeParser.Complete(turn.Session.Memory.CallbackPhrase, corrected))} instead.");
            Close(turn, state, plan);
        }
        else if (u.Polarity == Polarity.No && !u.Goodbye && !StillSuits().IsMatch(TextTokens.Normalize(u.Text)))
        {
            state.Step = DialogueStep.CallbackTime;
            state.Unclear = 0;
            plan.Say("Sorry, when would suit you better?");
        }
        else
        {
            Close(turn, state, plan);
        }
    }

    [GeneratedRegex(@"^\W*(?:(?:oh|well|um|er)\W+)?(?:yes|yeah|yep|yup|aye|please|please do|yes please|yes do|yes i would|i would|do that)(?:\W+(?:please|thanks|thank you))?\W*$")]
    private static partial Regex BareYes();

    // "No, that's fine": a no that keeps the time.
    [GeneratedRegex(@"\b(?<!\b(?:no|not|any) )(?:fine|good|perfect|great|works|ok|okay|grand|lovely|spot on)\b")]
    private static partial Regex StillSuits();

    // "Can I speak to a real person?": put through within the transfer hours, else a colleague's callback.
    private static void AskForPerson(ConversationTurn turn, DialogueState state, TurnPlan plan)
    {
        plan.Call(CallFunctions.TransferToHumanName);
        var decision = HumanTransfer.Assess(turn);
        switch (decision.Outcome)
        {
            case TransferOutcome.PutThrough:
                state.Step = DialogueStep.Closed;
                plan.Say(HumanTransfer.PutThroughLine);
                break;
            case TransferOutcome.Callback:
                plan.Say(HumanTransfer.CallbackLine(decision.CallbackAt!.Value, turn.Script));
                Close(turn, state, plan);
                break;
            default:
                Await(state, plan, HumanTransfer.NoTransferLine);
                break;
        }
    }

    private static void Await(DialogueState state, TurnPlan plan, string response)
    {
        if (state.Step != DialogueStep.CallbackTime)
        {
            state.Resume = state.Step;
        }

        state.Step = DialogueStep.CallbackTime;
        state.Unclear = 0;
        plan.Say(response);
        if (!response.TrimEnd().EndsWith('?'))
        {
            plan.Say(WhenQuestion);
        }
    }

    // "What would they actually check?": a question no FAQ answers but that the script's own talking point does ("A
    // qualified electrician checks your wiring…"), when at least half of the question's words are the point's.
    private static string? TalkingPointAnswering(string question, PreparedScript script)
    {
        // "What's involved?", "what does it involve?", "what was it again?": what the offer is, which the first talking point says.
        if (WhatIsInvolved().IsMatch(TextTokens.Normalize(question)))
        {
            return script.Knowledge.TalkingPoints.FirstOrDefault()?.Item;
        }

        var words = TextTokens.Content(question);
        words.ExceptWith(VagueWords);
        if (words.Count == 0)
        {
            return null;
        }

        return script.Knowledge.TalkingPoints
            .Select(p => (Point: p.Item, Common: p.Tokens.Count(words.Contains)))
            .Where(p => p.Common > 0 && p.Common * 2 >= words.Count)
            .OrderByDescending(p => p.Common)
            .Select(p => p.Point)
            .FirstOrDefault();
    }

    private static readonly HashSet<string> VagueWords = new(["actually", "exactly", "thing", "stuff", "like", "kind", "sort", "no", "proper"], StringComparer.Ordinal);

    [GeneratedRegex(@"\bwhat(?:'s| is|s) (?:involved|it involve|the inspection involve)\b|\bwhat (?:does|would) (?:it|that|the inspection|this) involve\b|\bwhat (?:happens|would happen) (?:at|during|in) (?:it|the inspection|the visit)\b|\bwhat was (?:it|that|this)(?: again)?\W*$|\bwhat was (?:it|that|this)(?: again)?\?|\bwhat (?:is|was) (?:it|this|that) (?:about|for) again\b|\bwhat are you offering\b")]
    private static partial Regex WhatIsInvolved();

    // Concerns, requests for information, FAQ answers and objection responses; true when a question was answered.
    private static bool Acknowledge(ConversationTurn turn, DialogueState state, TurnPlan plan, Utterance u)
    {
        var script = turn.Script;
        string? answer = null;
        if (u.Faq is { } faq && (u.IsQuestion || u.Objection is null))
        {
            answer = faq.Answer;
        }
        else if (u.AsksIdentity)
        {
            answer = $"This is {script.Script.Persona.AgentName}, an automated assistant calling on behalf of {script.Company}.";
        }
        else if (u.Objection is { Kind: ObjectionKind.Other or ObjectionKind.NotInterested } objection)
        {
            answer = objection.Objection.Response;
        }
        else if (u.IsQuestion && u.ConcernFound is null && !u.WantsMoreInfo && TalkingPointAnswering(u.Text, script) is { } point)
        {
            answer = point;
        }
        else if (u.IsQuestion && u.ConcernFound is null && !u.WantsMoreInfo)
        {
            answer = "I'm sorry, I don't have that information, but I'll note your question so the team can follow up.";
            turn.Session.Memory.Questions.Add(u.Text.Trim());
        }

        // An answer to "what worries you?" that the FAQ also answers ("just the cost of the inspection really") is a concern
        // too, and so is a question there that names a problem ("I guess the cost, like, is it actually free?").
        var asked = state.Step == DialogueStep.Concerns;
        var topics = u.ConcernFound is not null || (asked && answer is not null && (!u.IsQuestion || ConcernTopic.NamesProblem(u.Text)))
            ? u.ConcernTopics(asked) : [];
        if (topics.Count > 0)
        {
            foreach (var topic in topics)
            {
                plan.Call(CallFunctions.RecordConcernName, ("text", topic));
            }

            if (answer is null)
            {
                // "I don't like that at all" leaves the rules the phrase "at all": it is not said back as a concern.
                plan.Say(u.ConcernFound is not { IsClause: false } || ConcernTopic.Substance(topics[0]).Count == 0
                    ? "I'm sorry to hear that; I've noted it." : $"I understand your concern about {topics[0]}.");
                plan.Say(PhraseMatcher.Best(TextTokens.Content(u.ConcernFound?.Text ?? topics[0]), script.Knowledge.TalkingPoints)?.Item);
            }
        }

        if (u.WantsMoreInfo)
        {
            plan.Call(CallFunctions.RecordFollowUpName, ("kind", "moreInfo"));
            plan.Say("Certainly, we'll send you more information.");
        }

        plan.Say(answer);
        return answer is not null;
    }

    private static void AtInterest(ConversationTurn turn, DialogueState state, TurnPlan plan, Utterance u, bool answered)
    {
        // A bare "no" is a refusal; "no, it's still broken" is an answer about the problem, not about interest.
        // Where the rules read no statement of interest, the line's meaning decides before a bare yes or no does:
        // "yeah, no, that's not something I want" is a refusal, "I wouldn't say no to a free check" is not.
        var meant = answered || u.Concern is not null || UtteranceAnalyzer.EndsWithBareAnswer(u.Text) ? null : u.SemanticInterest();
        if ((meant == Interest.Neutral && u.Polarity != Polarity.None) || (meant == Interest.NotInterested && u.Polarity == Polarity.Yes && !u.Negates))
        {
            // A hedge read by meaning does not outweigh a plain yes or no; only a contrary reading does, and a refusal
            // read by meaning outweighs a yes only when the line says no to something ("yes, it's for my mum really").
            meant = null;
        }

        var level = u.Interest ?? meant ?? u.Polarity switch
        {
            Polarity.Yes => Interest.Interested,
            Polarity.No when !answered && u.Concern is null => Interest.NotInterested,
            _ => (Interest?)null,
        };
        if (level is null)
        {
            if (u.Concern is not null || u.WantsMoreInfo || u.Polarity == Polarity.No)
            {
                Advance(turn, state, plan);
            }
            else if (answered)
            {
                plan.Say(turn.Script.OpeningQuestion);
            }
            else
            {
                Unclear(turn, state, plan);
            }

            return;
        }

        if (u.Interest is null)
        {
            plan.Call(CallFunctions.RecordInterestName, ("level", CallFunctions.LevelName(level.Value)));
        }

        if (level == Interest.NotInterested)
        {
            plan.Say("I understand, thank you for letting me know.");
            Decline(turn, state, plan);
            return;
        }

        if (plan.Silent)
        {
            plan.Say(level == Interest.Interested ? "Great." : "That's fine, there's no commitment.");
        }

        var points = turn.Script.Knowledge.TalkingPoints;
        if (state.Points < points.Count)
        {
            plan.Say(points[state.Points++].Item);
        }

        Advance(turn, state, plan);
        if (u.Polarity == Polarity.Yes && u.ConcernFound is null && !answered)
        {
            // "Yes please, the trip switch has gone three times this week": the concern beside the yes is noted, and the
            // question about concerns is still asked (recorded after it is chosen, so it is not skipped).
            foreach (var topic in u.ConcernsBesideAnswer())
            {
                plan.Call(CallFunctions.RecordConcernName, ("text", topic));
            }
        }
    }

    private static void AtConcerns(ConversationTurn turn, DialogueState state, TurnPlan plan, Utterance u, bool answered, string text)
    {
        if (u.Interest == Interest.Interested && turn.Session.Interest != Interest.Interested && u.Concern is null && !u.WantsMoreInfo
            && !u.NoConcerns && !Plans(plan, CallFunctions.RecordConcernName) && !answered)
        {
            // "Oh, free? Okay then, sign me up": the yes the customer held back until a question was answered, said where the
            // agent asked about worries. It is noted and the question is still theirs to answer.
            plan.Say("Great.");
            plan.Say(turn.Script.ConcernsQuestion);
            return;
        }

        if (u.Concern is not null || u.WantsMoreInfo || u.NoConcerns || u.Polarity == Polarity.No || u.Interest is not null || Plans(plan, CallFunctions.RecordConcernName))
        {
            if (plan.Silent)
            {
                plan.Say("Good to hear.");
            }

            Advance(turn, state, plan);
        }
        else if (answered)
        {
            plan.Say(turn.Script.ConcernsQuestion);
        }
        else if (u.Polarity == Polarity.Yes && !state.Probed && ConcernTopic.Substance(text).Count == 0)
        {
            state.Probed = true;
            plan.Say("What worries you most?");
        }
        else if (!u.IsQuestion && (TextTokens.Content(text).Count >= 2 || ConcernTopic.Substance(text).Count > 0))
        {
            // An answer to "what worries you?" is a concern even without the word "worried", unless its meaning is
            // plainly none ("nothing springs to mind", "any morning works"); a concern the examples know is named as they do.
            // One word of substance is enough there: "Bills.", "Just the cost, really."
            var topics = u.ConcernTopics(asked: true);
            var none = topics.Count == 0 && u.Semantics?.Confident(IntentTask.Concern, text) == IntentExamples.None;
            if (topics.Count == 0 && !none && ConcernTopic.Of(text, turn.Script.Knowledge.Issues) is { } topic)
            {
                // The phrase kept is named as a topic when its words are that topic's, or its meaning clearly is.
                var meant = u.Semantics?.Confident(IntentTask.Concern, topic);
                topics = [u.Semantics?.TopicNaming(topic) ?? (meant is null || meant == IntentExamples.None ? topic : meant)];
            }

            foreach (var concern in topics)
            {
                plan.Call(CallFunctions.RecordConcernName, ("text", concern));
            }

            plan.Say(topics.Count > 0 ? "Thank you, I've noted that." : "Good to hear.");
            Advance(turn, state, plan);
        }
        else
        {
            Unclear(turn, state, plan);
        }
    }

    private static void Unclear(ConversationTurn turn, DialogueState state, TurnPlan plan)
    {
        if (++state.Unclear >= 2)
        {
            plan.Say("I'm sorry, I don't think I can help with that today.");
            Close(turn, state, plan);
            return;
        }

        plan.Say("Sorry, I didn't quite follow.");
        plan.Say(Question(turn, state));
    }

    private static void Advance(ConversationTurn turn, DialogueState state, TurnPlan plan)
    {
        state.Unclear = 0;
        var script = turn.Script.Script;
        var session = turn.Session;
        var (next, capture) = state.Step switch
        {
            DialogueStep.Interest => (DialogueStep.Concerns, 0),
            DialogueStep.Concerns => (DialogueStep.Capture, 0),
            DialogueStep.Capture => (DialogueStep.Capture, state.Capture + 1),
            _ => (DialogueStep.Closed, 0),
        };
        if (next == DialogueStep.Concerns && (session.Concerns.Count > 0 || Plans(plan, CallFunctions.RecordConcernName)))
        {
            next = DialogueStep.Capture;
        }

        if (next == DialogueStep.Capture && capture >= script.CaptureQuestions.Count)
        {
            next = DialogueStep.Offer;
        }

        if (next == DialogueStep.Offer && (session.FollowUp.Kind is FollowUpKind.MoreInfo or FollowUpKind.Callback || PlansMoreInfo(plan)))
        {
            next = DialogueStep.Closed;
        }

        if (next == DialogueStep.Closed || turn.LastTurn)
        {
            Close(turn, state, plan);
            return;
        }

        state.Step = next;
        state.Capture = capture;
        plan.Say(Question(turn, state));
    }

    /// <summary>
    /// "No need" or "go on then" in answer to the offer of information declines or takes the information; the interest
    /// the customer already gave stands.
    /// </summary>
    private static string ReadBack(ConversationTurn turn, string? phrase) =>
        phrase is null ? "" : CallbackReadBack.Of(phrase, turn.Now, turn.Script.Zone);

    /// <summary>An answer to "when shall we call you back?" that asks for information instead, naming no time.</summary>
    public static bool TakesInformationInstead(Utterance u) => u.TimePhrase is null && u.WantsMoreInfo && !u.CallbackRequested;

    public static bool AnswersOffer(Utterance u, Interest known) =>
        u.Interest is Interest.NotInterested or Interest.Interested && !u.OptOut && known is Interest.Interested or Interest.Neutral;

    // Whether a line at the offer voices worries: already noted this turn, or its topics read as an answer to "what
    // worries you?", which are then noted.
    private static bool NotesLateConcerns(TurnPlan plan, Utterance u)
    {
        if (Plans(plan, CallFunctions.RecordConcernName))
        {
            return true;
        }

        var topics = u.ConcernTopics(asked: true);
        foreach (var topic in topics)
        {
            plan.Call(CallFunctions.RecordConcernName, ("text", topic));
        }

        if (topics.Count > 0)
        {
            plan.Say("Thank you, I've noted that.");
        }

        return topics.Count > 0;
    }

    private static bool Plans(TurnPlan plan, string function) => plan.Calls.Any(c => c.Function == function);

    private static bool PlansMoreInfo(TurnPlan plan) =>
        plan.Calls.Any(c => c.Function == CallFunctions.RecordFollowUpName && Equals(c.Arguments.GetValueOrDefault("kind"), "moreInfo"));

    private static void Close(ConversationTurn turn, DialogueState state, TurnPlan plan)
    {
        if (state.Step == DialogueStep.Closed && Plans(plan, CallFunctions.EndCallName))
        {
            return;
        }

        state.Step = DialogueStep.Closed;
        plan.Say(turn.Script.Script.Closing);
        plan.Call(CallFunctions.EndCallName);
    }

    private static string Question(ConversationTurn turn, DialogueState state) => state.Step switch
    {
        DialogueStep.Interest => turn.Script.OpeningQuestion,
        DialogueStep.Concerns => turn.Script.ConcernsQuestion,
        DialogueStep.Capture when state.Capture < turn.Script.Script.CaptureQuestions.Count => turn.Script.Script.CaptureQuestions[state.Capture],
        DialogueStep.Offer => OfferQuestion,
        DialogueStep.CallbackTime or DialogueStep.CallbackHour => WhenQuestion,
        DialogueStep.CallbackConfirm => ConfirmQuestion,
        DialogueStep.Declined => AgentLines.OptOutOffer,
        _ => turn.Script.OpeningQuestion,
    };
}
