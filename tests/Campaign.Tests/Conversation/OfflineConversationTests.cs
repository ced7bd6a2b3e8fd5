using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.ConversationEval.Eval;
using Campaign.Tests.Support;

namespace Campaign.Tests.Conversation;

/// <summary>Whole conversations with the offline script engine, one per kind of answer, and the outcome each gives.</summary>
public sealed class OfflineConversationTests : IDisposable
{
    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Every_call_opens_with_the_disclosure_then_the_company_and_the_rendered_opening()
    {
        var session = _harness.Session(OutageScript.Definition());

        var opening = await _harness.Agent.OpenAsync(session);

        Assert.StartsWith(OutageScript.Disclosure + " Hello Ana, this is Alex from Lakeshore Utilities. I'm calling about power cuts at night.", opening.Text);
        Assert.False(opening.EndCall);
        Assert.Equal([opening.Text], ConversationHarness.Lines(session, Speaker.Agent));
        Assert.Equal(1, session.Memory.ScriptVersion);
    }

    [Fact]
    public async Task An_interested_customer_with_a_concern_who_wants_information()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session,
            "Yes, sure, tell me more.", "I'm worried about power cuts at night.", "Yes please, send me more information.", "Okay, goodbye.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Contains("Crews replaced the overloaded transformer that serves Riverside.", replies[1].Text);
        Assert.Contains("power cuts at night", replies[2].Text);
        Assert.True(replies[^1].EndCall, Transcript(session));
        Assert.EndsWith(OutageScript.Closing, replies[^1].Text);
        Assert.Equal(Interest.Interested, outcome.Interest);
        Assert.Equal(["power cuts at night"], outcome.Concerns);
        Assert.Equal(new FollowUp(FollowUpKind.MoreInfo, null), outcome.FollowUp);
        Assert.False(outcome.OptedOut);
        Assert.Equal((16, DayOfWeek.Tuesday), (outcome.LocalHour!.Value, outcome.Weekday!.Value));
        Assert.Contains("Interest: interested", outcome.Summary);
        Assert.Equal(4, ConversationHarness.Lines(session, Speaker.Customer).Count);
        Assert.Equal(replies.Select(r => r.Text), ConversationHarness.Lines(session, Speaker.Agent));
    }

    [Fact]
    public async Task A_yes_for_someone_else_in_the_house_is_interest_whatever_its_meaning_resembles()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Yes, it's for my mum really.");

        Assert.False(replies[^1].EndCall, Transcript(session));
        Assert.Equal(Interest.Interested, (await _harness.ConcludeAsync(session)).Interest);
    }

    [Fact]
    public async Task A_concern_told_in_two_clauses_beside_the_opening_yes_is_read_whole()
    {
        var session = _harness.Session(OutageScript.Definition());

        await _harness.TalkAsync(session, "Yes please, my husband's on oxygen overnight and the concentrator runs off the mains.", "No, that's the main thing.", "Okay, goodbye.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Contains("power loss with medical equipment", outcome.Concerns);
    }

    [Fact]
    public async Task Each_concern_is_a_topic_and_courtesies_are_not_concerns()
    {
        var session = _harness.Session(OutageScript.Definition());

        await _harness.TalkAsync(session,
            "Yes, sure, tell me more.", "I'm worried about the old wiring and also the lights flickering in the evening.", "Great, thank you.", "Okay, goodbye.");
        var outcome = await _harness.ConcludeAsync(session);

        // "The lights flickering in the evening" is named as the semantic layer's topic for it.
        Assert.Equal(["old wiring", "flickering lights"], outcome.Concerns);
        Assert.Equal(
            [
                new ConcernQuote("old wiring", "I'm worried about the old wiring and also the lights flickering in the evening."),
                new ConcernQuote("flickering lights", "I'm worried about the old wiring and also the lights flickering in the evening."),
            ],
            outcome.ConcernQuotes);
    }

    [Fact]
    public async Task A_neutral_customer_with_nothing_to_raise_who_declines_information()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Maybe, I'm not sure yet.", "No, nothing really.", "Yes, it's fine now.", "No, thanks.", "No, that's fine.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.True(replies[^1].EndCall, Transcript(session));
        Assert.Equal(Interest.Neutral, outcome.Interest);
        Assert.Empty(outcome.Concerns);
        Assert.Equal(FollowUpKind.None, outcome.FollowUp.Kind);
        Assert.Contains("Concerns: none mentioned", outcome.Summary);
    }

    [Fact]
    public async Task Declining_the_information_does_not_undo_the_interest_the_customer_gave()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Yes, sure, tell me more.", "No, nothing really.", "Yes, it's fine now.", "No thanks.", "Nah, no need.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.True(replies[^1].EndCall, Transcript(session));
        Assert.Equal(Interest.Interested, outcome.Interest);
        Assert.Equal(FollowUpKind.None, outcome.FollowUp.Kind);
        Assert.False(outcome.OptedOut);
    }

    [Fact]
    public async Task An_objection_from_the_script_gets_the_scripts_response_and_a_not_interested_customer_is_let_go()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "No, it's still not fixed and I'm fed up.", "No thanks, I'm not interested.", "Okay, bye.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Contains(OutageScript.FedUpResponse, replies[1].Text);
        Assert.False(replies[1].EndCall);
        Assert.EndsWith(AgentLines.OptOutOffer, replies[2].Text, StringComparison.Ordinal);
        Assert.False(replies[2].EndCall);
        Assert.True(replies[3].EndCall);
        Assert.Contains(OutageScript.Closing, replies[3].Text);
        Assert.Equal(Interest.NotInterested, outcome.Interest);
        Assert.False(outcome.OptedOut);
    }

    [Theory]
    [InlineData("No. And can you take me off your list while you're at it?", true)]
    [InlineData("Yes please.", true)]
    [InlineData("No, don't bother.", false)]
    [InlineData("Right, ta-ra.", false)]
    [InlineData(null, false)]
    public async Task A_customer_who_declines_may_still_ask_not_to_be_called_again(string? line, bool optedOut)
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "No thanks.", line);
        var outcome = await _harness.ConcludeAsync(session);

        Assert.EndsWith(AgentLines.OptOutOffer, replies[1].Text, StringComparison.Ordinal);
        Assert.False(replies[1].EndCall);
        Assert.True(replies[2].EndCall);
        Assert.Equal(optedOut, outcome.OptedOut);
        Assert.Equal(optedOut ? FollowUpKind.LeaveAlone : FollowUpKind.None, outcome.FollowUp.Kind);
        Assert.Equal(Interest.NotInterested, outcome.Interest);
    }

    [Theory]
    [InlineData("Ah, only the power cuts at night, but sure that's your end, not mine.", "power cuts at night")]
    [InlineData("Right, ta-ra.", null)]
    public async Task A_worry_told_after_a_refusal_is_noted_and_a_farewell_is_none(string line, string? concern)
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "Ah no, you're grand, thanks all the same.", line);
        var outcome = await _harness.ConcludeAsync(session);

        Assert.True(replies[2].EndCall);
        Assert.Equal(concern is null ? [] : [concern], outcome.Concerns);
        Assert.Equal(Interest.NotInterested, outcome.Interest);
        Assert.False(outcome.OptedOut);
    }

    [Fact]
    public async Task A_customer_who_changes_their_mind_after_declining_hears_the_offer_out()
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "No thanks.", "Ok yeah, actually, sign me up.", "No, nothing.", "Yes please.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.EndsWith(AgentLines.OptOutOffer, replies[1].Text, StringComparison.Ordinal);
        Assert.False(replies[2].EndCall);
        Assert.Contains("worries you", replies[2].Text, StringComparison.Ordinal);
        Assert.Equal(Interest.Interested, outcome.Interest);
        Assert.Equal(FollowUpKind.MoreInfo, outcome.FollowUp.Kind);
        Assert.False(outcome.OptedOut);
    }

    [Fact]
    public async Task A_dislike_that_names_nothing_is_not_echoed_as_a_concern()
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "Nobody's touched the wiring since the seventies, and there's a switch in the back kitchen that's warm to the touch, I don't like that at all. So yes, I'd have someone out.", "Just what I said, the old wiring.", "Yes.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.DoesNotContain(replies, r => r.Text.Contains("at all", StringComparison.Ordinal));
        Assert.DoesNotContain("at all", outcome.Concerns);
        Assert.Contains("old wiring", outcome.Concerns);
    }

    [Fact]
    public async Task A_no_to_the_information_from_someone_keen_on_the_visit_sends_nothing()
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "Yes, absolutely.", "The power cuts at night.", "No, don't need anything, just book it in.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.DoesNotContain("we'll send it", replies[3].Text, StringComparison.Ordinal);
        Assert.Equal(FollowUpKind.None, outcome.FollowUp.Kind);
        Assert.Equal(Interest.Interested, outcome.Interest);
    }

    [Fact]
    public async Task A_no_to_the_opt_out_question_leaves_the_refusal_that_raised_it_standing()
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "Am I talking to a machine?", "I don't talk to machines. No thanks.", "No.", "Bye.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Equal(AgentLines.AskOptOut, replies[2].Text);
        Assert.EndsWith(AgentLines.OptOutOffer, replies[3].Text, StringComparison.Ordinal);
        Assert.Equal(Interest.NotInterested, outcome.Interest);
        Assert.False(outcome.OptedOut);
    }

    [Fact]
    public async Task A_bare_no_dont_bother_to_the_opening_declines_the_offer_and_is_no_opt_out()
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "No, don't bother.", "Bye.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.EndsWith(AgentLines.OptOutOffer, replies[1].Text, StringComparison.Ordinal);
        Assert.False(outcome.OptedOut);
        Assert.Equal(Interest.NotInterested, outcome.Interest);
    }

    [Fact]
    public async Task A_bare_no_dont_bother_to_when_to_call_back_declines_the_callback_and_is_no_opt_out()
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "I'm busy right now, call me later.", "No, don't bother.", "Bye.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.True(AgentLines.AsksWhenToCallBack(replies[1].Text), replies[1].Text);
        Assert.DoesNotContain(replies, r => r.Text.Contains("must not call you again", StringComparison.Ordinal));
        Assert.False(outcome.OptedOut);
        Assert.NotEqual(FollowUpKind.LeaveAlone, outcome.FollowUp.Kind);
    }

    [Theory]
    [InlineData("No. And actually, can you take my number off your list? I don't want any more calls.", true, FollowUpKind.LeaveAlone)]
    [InlineData("naw and dinnae phone here again right", true, FollowUpKind.LeaveAlone)]
    [InlineData("Okay, bye.", false, FollowUpKind.None)]
    [InlineData("No, don't bother, thanks.", false, FollowUpKind.None)]
    [InlineData("Actually, could you send me a leaflet?", false, FollowUpKind.MoreInfo)]
    public async Task Words_said_over_the_goodbye_are_heard_and_an_opt_out_in_them_honoured(string lastWords, bool optedOut, FollowUpKind followUp)
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "No thanks.", "No, not really.", lastWords);
        var outcome = await _harness.ConcludeAsync(session);

        Assert.True(replies[2].EndCall);
        Assert.True(replies[2].ListensAfter);
        Assert.True(replies[3].EndCall);
        Assert.False(replies[3].ListensAfter);
        Assert.Equal(optedOut, outcome.OptedOut);
        Assert.Equal(followUp, outcome.FollowUp.Kind);
        Assert.Equal(Interest.NotInterested, outcome.Interest);
    }

    [Fact]
    public async Task A_line_over_the_goodbye_that_only_might_be_an_opt_out_is_asked_about_once()
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "No thanks.", "No.", "Why do you people keep ringing me?", "No, it's fine.", "Bye.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Equal(AgentLines.AskOptOut, replies[3].Text);
        Assert.False(replies[3].EndCall);
        Assert.True(replies[4].EndCall);
        Assert.False(replies[4].ListensAfter);
        Assert.Equal(5, replies.Count);
        Assert.False(outcome.OptedOut);
    }

    [Fact]
    public async Task An_opt_out_goodbye_does_not_listen_for_more()
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "Take me off your list.", "Wait, actually, I'm interested.");

        Assert.True(replies[1].EndCall);
        Assert.False(replies[1].ListensAfter);
        Assert.Equal(2, replies.Count);
        Assert.True((await _harness.ConcludeAsync(session)).OptedOut);
    }

    [Theory]
    [InlineData("Aye.")]
    [InlineData("Aye, fine.")]
    [InlineData("Grand, do.")]
    [InlineData("i guess")]
    [InlineData("Ja.")]
    [InlineData("Too right.")]
    [InlineData("You bet.")]
    public async Task A_yes_in_other_words_takes_the_information(string yes)
    {
        var session = _harness.Session(EvalScript.Definition);

        await _harness.TalkAsync(session, "Yes please.", "No, nothing.", yes);
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Equal(FollowUpKind.MoreInfo, outcome.FollowUp.Kind);
        Assert.Equal(Interest.Interested, outcome.Interest);
    }

    [Theory]
    [InlineData("I don't know when, honestly. Just send me the information and I'll look at it.")]
    [InlineData("Ah, I couldn't tell you, I'm all over the place this week. Just post me out something.")]
    public async Task Information_asked_for_instead_of_a_callback_time_replaces_the_callback(string instead)
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "Sorry, I'm right in the middle of cooking. Maybe another time?", instead);
        var outcome = await _harness.ConcludeAsync(session);

        Assert.StartsWith("Of course, we'll send you the information instead.", replies[2].Text);
        Assert.True(replies[2].EndCall);
        Assert.Equal(FollowUpKind.MoreInfo, outcome.FollowUp.Kind);
        Assert.Equal(Interest.Neutral, outcome.Interest);
    }

    [Fact]
    public async Task A_callback_with_a_time_still_outranks_a_later_send_me_something()
    {
        var session = _harness.Session(EvalScript.Definition);

        await _harness.TalkAsync(session, "I'm busy, call me back tomorrow at 5 pm.", "Yes. And send me something too.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Equal(FollowUpKind.Callback, outcome.FollowUp.Kind);
    }

    [Fact]
    public async Task A_question_from_the_faq_is_answered_from_the_script_and_the_call_goes_on()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Will I get a credit for that outage?", "Yes, tell me more.");

        Assert.Contains(OutageScript.CreditAnswer, replies[1].Text);
        Assert.EndsWith("Is everything working normally now?", replies[1].Text);
        Assert.False(replies[1].EndCall);
        Assert.Equal(Interest.Interested, (await _harness.ConcludeAsync(session)).Interest);
    }

    [Theory]
    [InlineData("Sorry, who did you say you were? Is this a real call or one of those scams?")]
    [InlineData("Who did you say this is?")]
    public async Task A_caller_unsure_who_is_calling_is_told_not_asked_about_opting_out(string line)
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, line);

        Assert.Contains("an automated assistant calling on behalf of", replies[1].Text);
        Assert.DoesNotContain(AgentLines.AskOptOut, replies[1].Text);
        Assert.False(replies[1].EndCall);
    }

    [Fact]
    public async Task A_callback_time_is_resolved_in_the_customers_time_zone()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "I'm busy right now. Can you call me back tomorrow at 5 pm?", "Yes.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Contains("tomorrow at 5 pm", replies[1].Text);
        Assert.True(replies[2].EndCall);
        Assert.Equal(FollowUpKind.Callback, outcome.FollowUp.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(-5)), outcome.FollowUp.At);
        Assert.Contains("call back on Wednesday 2026-11-25 at 17:00 local time", outcome.Summary);
        Assert.Equal(Interest.Unknown, outcome.Interest);
    }

    [Fact]
    public async Task A_question_the_scripts_talking_point_answers_gets_that_point_not_an_apology()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Which transformer did they replace?", "What's the weather like there?");

        Assert.StartsWith("Crews replaced the overloaded transformer", replies[1].Text);
        Assert.Contains("I don't have that information", replies[2].Text);
    }

    [Fact]
    public async Task Asked_what_is_involved_the_agent_says_what_the_offer_is()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "I'm not sure, to be honest, what's involved?");

        Assert.StartsWith("Crews replaced the overloaded transformer", replies[1].Text);
    }

    [Fact]
    public async Task A_yes_given_only_once_a_question_is_answered_still_leaves_the_worries_to_ask_about()
    {
        var session = _harness.Session(EvalScript.Definition); // asks for no details before the offer

        var replies = await _harness.TalkAsync(session, "Maybe.", "Oh, okay then, yeah, sign me up.", "No, nothing really.", "Yes please.");
        var outcome = await _harness.ConcludeAsync(session);

        var concernsQuestion = replies[1].Text[(replies[1].Text.LastIndexOf(". ", StringComparison.Ordinal) + 2)..];
        Assert.Equal("Great. " + concernsQuestion, replies[2].Text);
        Assert.True(replies[3].Text.Contains("send you more information", StringComparison.Ordinal), Transcript(session));
        Assert.Equal(Interest.Interested, outcome.Interest);
        Assert.Equal(FollowUpKind.MoreInfo, outcome.FollowUp.Kind);
    }

    [Fact]
    public async Task A_worry_told_when_information_is_offered_is_noted_and_the_offer_asked_again()
    {
        var session = _harness.Session(EvalScript.Definition); // asks for no details before the offer

        var replies = await _harness.TalkAsync(session,
            "Yes.", "No, nothing.", "Well, mostly the thing is the lights flicker every evening and it scares the kids.", "Yes please.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.True(replies[3].Text.EndsWith("Would you like us to send you more information?", StringComparison.Ordinal), Transcript(session));
        Assert.False(replies[3].EndCall);
        Assert.NotEmpty(outcome.Concerns);
        Assert.Equal(FollowUpKind.MoreInfo, outcome.FollowUp.Kind);
    }

    [Fact]
    public async Task A_yes_to_the_offer_instead_of_a_callback_time_goes_on_with_the_call()
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "Can I speak to an actual person please?", "Oh, fine. Yes, I'm interested.");

        Assert.EndsWith("When would be a good time to call you back?", replies[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("Is there anything about your electricity service that worries you?", replies[2].Text, StringComparison.Ordinal);
        Assert.Equal(Interest.Interested, session.Interest);
    }

    [Fact]
    public async Task A_yes_that_goes_on_to_name_a_worry_is_that_worry_not_a_bare_yes()
    {
        var session = _harness.Session(EvalScript.Definition);

        var replies = await _harness.TalkAsync(session, "Yes.", "Yes, one socket is giving a small shock sometimes.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.DoesNotContain("What worries you most?", replies[2].Text, StringComparison.Ordinal);
        Assert.NotEmpty(outcome.Concerns);
    }

    [Fact]
    public async Task What_was_it_again_is_answered_with_what_the_offer_is()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Sorry, I was miles away, what was it again?");

        Assert.StartsWith("Crews replaced the overloaded transformer", replies[1].Text);
    }

    [Fact]
    public async Task A_callback_day_named_alone_is_followed_by_the_question_of_its_hour()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "I'm at work, call me Saturday.", "Say eleven in the morning.", "Yes, thanks.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Contains("What time saturday would suit you best?", replies[1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.False(replies[1].EndCall);
        Assert.EndsWith("Does that time work for you?", replies[2].Text, StringComparison.Ordinal);
        Assert.True(replies[3].EndCall);
        Assert.Equal(FollowUpKind.Callback, outcome.FollowUp.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.FromHours(-5)), outcome.FollowUp.At);
    }

    [Fact]
    public async Task A_callback_time_read_back_can_be_corrected_before_the_call_ends()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session,
            "Can you call me back Thursday at ten?", "Actually no, make it Thursday at eleven, I've got the dentist at ten.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Equal("Of course, we'll call you back on Thursday at 10 am. Does that time work for you?", replies[1].Text);
        Assert.True(replies[2].EndCall);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(-5)), outcome.FollowUp.At);
    }

    [Fact]
    public async Task A_no_to_the_callback_time_read_back_asks_again()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Call me tomorrow at 9.", "No, that's no good.", "Friday afternoon, about three.", "Yes.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Equal("Sorry, when would suit you better?", replies[2].Text);
        Assert.True(replies[4].EndCall);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.FromHours(-5)), outcome.FollowUp.At);
    }

    [Fact]
    public async Task A_callback_day_stands_when_the_customer_names_no_hour()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Can you ring back on Monday?", "Whenever, I'm in all day.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.True(replies[2].EndCall);
        Assert.Equal(FollowUpKind.Callback, outcome.FollowUp.Kind);
        Assert.Equal(DayOfWeek.Monday, outcome.FollowUp.At!.Value.DayOfWeek);
    }

    [Fact]
    public async Task A_busy_customer_is_asked_when_to_call_back()
    {
        var session = _harness.Session(OutageScript.Definition(), ConversationHarness.Customer("Europe/Lisbon"));

        var replies = await _harness.TalkAsync(session, "I'm busy right now.", "Monday morning would be better.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Contains("When would suit you?", replies[1].Text);
        Assert.False(replies[2].EndCall);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), outcome.FollowUp.At);
    }

    [Fact]
    public async Task Opting_out_ends_the_call_and_is_recorded()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Please stop calling me. Take me off your list.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.True(replies[1].EndCall);
        Assert.Equal("Of course. I'll make sure we don't call you again. Goodbye.", replies[1].Text);
        Assert.True(session.OptedOut);
        Assert.Equal((true, Interest.NotInterested, FollowUpKind.LeaveAlone), (outcome.OptedOut, outcome.Interest, outcome.FollowUp.Kind));
        Assert.Contains("asked not to be called again", outcome.Summary);
    }

    [Fact]
    public async Task Two_silences_end_the_call_politely()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, null, null, null);
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Equal(3, replies.Count);
        Assert.Equal(AgentLines.StillThere, replies[1].Text);
        Assert.True(replies[2].EndCall);
        Assert.Contains("Goodbye", replies[2].Text);
        Assert.Equal(2, session.Silences);
        Assert.Empty(ConversationHarness.Lines(session, Speaker.Customer));
        Assert.Equal((Interest.Unknown, FollowUpKind.None), (outcome.Interest, outcome.FollowUp.Kind));
        Assert.Contains("silent", outcome.Summary);
    }

    [Fact]
    public async Task Off_topic_talk_is_steered_back_then_ended()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "What's the weather like in Paris?", "I like turtles.", "Bananas are yellow.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Contains("I'll note your question", replies[1].Text);
        Assert.EndsWith("Is everything working normally now?", replies[2].Text);
        Assert.True(replies[3].EndCall, Transcript(session));
        Assert.Equal(Interest.Unknown, outcome.Interest);
        Assert.Contains("What's the weather like in Paris?", outcome.Summary);
    }

    [Fact]
    public async Task The_scripts_turn_and_time_limits_end_the_call_politely()
    {
        var shortScript = _harness.Session(OutageScript.Definition(maxTurns: 2));
        var turns = await _harness.TalkAsync(shortScript, "Yes, sure, tell me more.", "I'm worried about the bill.");
        Assert.Equal(3, turns.Count);
        Assert.True(turns[1].EndCall);
        Assert.EndsWith(OutageScript.Closing, turns[1].Text);

        // Said over the goodbye: heard, but the conversation does not start again.
        Assert.Equal(new AgentReply("Goodbye.", EndCall: true), turns[2]);

        var slow = _harness.Session(OutageScript.Definition(maxSeconds: 30));
        await _harness.Agent.OpenAsync(slow);
        _harness.Clock.Advance(TimeSpan.FromSeconds(31));
        var late = await _harness.Agent.RespondAsync(slow, "Yes, sure, tell me more.");
        Assert.True(late.EndCall);
        Assert.StartsWith("I'm sorry, we've run out of time for this call.", late.Text);
        Assert.Contains("time limit", (await _harness.ConcludeAsync(slow)).Summary);
    }

    [Fact]
    public async Task A_call_without_a_script_uses_the_built_in_one()
    {
        var session = _harness.Session();

        var replies = await _harness.TalkAsync(session, "Yes, sure, tell me more.", "I'm worried about power cuts at night.", "Yes please, send me more information.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.StartsWith("I'm an automated assistant calling on behalf of your service provider. Hello Ana", replies[0].Text);
        Assert.True(replies[^1].EndCall, Transcript(session));
        Assert.Equal((Interest.Interested, FollowUpKind.MoreInfo), (outcome.Interest, outcome.FollowUp.Kind));
        Assert.Equal(["power cuts at night"], outcome.Concerns);
    }

    [Fact]
    public async Task A_missing_script_falls_back_to_the_built_in_one()
    {
        var session = new Abstractions.Conversation.ConversationSession { Customer = ConversationHarness.Customer(), ScriptId = "scr-missing", ScriptVersion = 3 };

        var opening = await _harness.Agent.OpenAsync(session);

        Assert.StartsWith("I'm an automated assistant calling on behalf of your service provider.", opening.Text);
        Assert.Contains("does not exist", session.Memory.ScriptFallback);
    }

    private static string Transcript(Abstractions.Conversation.ConversationSession session) =>
        string.Join("\n", session.Transcript.Select(l => $"{l.Speaker}: {l.Text}"));
}
