using Campaign.Abstractions.Customers;
using Campaign.Conversation.Scripts;
using Campaign.Conversation.Understanding;
using Campaign.Tests.Support;

namespace Campaign.Tests.Conversation;

public class UnderstandingTests
{
    private static readonly ScriptKnowledge Knowledge = new(
        ScriptRenderer.Render(OutageScript.Definition(), ConversationHarness.Customer()).Script, ConversationHarness.Customer());

    private static readonly ScriptKnowledge SemanticKnowledge = new(
        ScriptRenderer.Render(OutageScript.Definition(), ConversationHarness.Customer()).Script, ConversationHarness.Customer())
    { Semantics = SemanticIntents.Shared };

    [Theory]
    [InlineData("Please stop calling me. Take me off your list.")]
    [InlineData("Leave me alone!")]
    [InlineData("Don't call me again.")]
    [InlineData("Do not call.")]
    [InlineData("Put me on your do not call list")]
    [InlineData("Remove my number from your list, please")]
    [InlineData("I want to opt out")]
    [InlineData("Stop ringing this number")]
    [InlineData("No more calls, please.")]
    public void Opt_out_requests_are_recognised(string text) => Assert.True(OptOutDetector.IsOptOut(text));

    [Theory]
    [InlineData("No thanks, I'm not interested.")]
    [InlineData("Don't call me before 5 pm.")]
    [InlineData("Can you call me back tomorrow?")]
    [InlineData("I'm busy right now.")]
    [InlineData("Stop, I have a question.")]
    [InlineData(null)]
    [InlineData("I never asked for these calls, you know.")]
    [InlineData("I never signed up for any calls.")]
    [InlineData("Wait a sec... actually no, call back in ten minutes.")]
    [InlineData("No, ring me tomorrow instead.")]
    public void Other_refusals_are_not_opt_outs(string? text) => Assert.False(OptOutDetector.IsOptOut(text));

    [Theory]
    [InlineData("I'm off work on Friday, ring me then.")]
    [InlineData("Monday's my day off, call me then.")]
    public void A_free_day_is_no_hint_of_an_opt_out(string text) => Assert.Equal(OptOutSignal.None, OptOutDetector.Classify(text));

    [Fact]
    public void Never_having_asked_for_the_calls_is_asked_about_not_taken_as_a_request() =>
        Assert.Equal(OptOutSignal.Possible, OptOutDetector.Classify("I never asked for these calls, you know."));

    [Theory]
    [InlineData("I'm worried about power cuts at night.", "power cuts at night")]
    [InlineData("My main concern is the price of the meter.", "price of the meter")]
    [InlineData("We've had problems with the water pressure lately", "water pressure lately")]
    [InlineData("I'm still having power cuts at night, but thanks", "power cuts at night")]
    [InlineData("The noise worries me", "noise")]
    [InlineData("My bill is too high.", "bill is too high")]
    [InlineData("No, it's still not fixed.", "power cuts at night: still not fixed")]
    [InlineData("What bothers me is the old wiring.", "old wiring")]
    [InlineData("I'm concerned about the inspection fee, if I'm honest.", "inspection fee")]
    [InlineData("I'm worried about my lights flickering, my neighbour has the same thing.", "lights flickering")]
    public void Concerns_are_extracted_in_a_few_words(string text, string concern) =>
        Assert.Equal(concern, UtteranceAnalyzer.Analyze(text, Knowledge).Concern);

    [Theory]
    [InlineData("outage lasted two days")]
    [InlineData("leak reported near the meter")]
    [InlineData("low water pressure")]
    public void A_concern_that_is_the_customers_reported_issue_keeps_the_reports_name(string reported)
    {
        var customer = ConversationHarness.Customer() with { Issues = [new CustomerIssue("electricity", DateTimeOffset.UnixEpoch, reported)] };
        var knowledge = new ScriptKnowledge(ScriptRenderer.Render(OutageScript.Definition(), customer).Script, customer) { Semantics = SemanticIntents.Shared };

        var topics = UtteranceAnalyzer.Analyze($"I'm worried about {reported}.", knowledge).ConcernTopics(asked: true);

        // The nearest example topics ("power cuts at night", "smart meter") are not what this customer said.
        Assert.Equal([reported], topics);
    }

    [Theory]
    [InlineData("I'm worried about the smell of gas by the cooker.", "burning smell")]
    [InlineData("I'm worried about water dripping down the wall next to the meter.", "smart meter")]
    public void A_concern_naming_a_hazard_is_not_named_as_a_topic_whose_examples_never_name_it(string line, string lookAlike)
    {
        var customer = ConversationHarness.Customer();
        var knowledge = new ScriptKnowledge(ScriptRenderer.Render(OutageScript.Definition(), customer).Script, customer) { Semantics = SemanticIntents.Shared };

        var topics = UtteranceAnalyzer.Analyze(line, knowledge).ConcernTopics(asked: true);

        Assert.NotEmpty(topics);
        Assert.DoesNotContain(lookAlike, topics);
    }

    [Theory]
    [InlineData("Could you ring back later?")]
    [InlineData("Give me a ring tomorrow.")]
    [InlineData("Can you get back to me next week?")]
    [InlineData("Catch me later, I'm heading out.")]
    [InlineData("Now's not good. Can you call this afternoon, around 3?")]
    [InlineData("cant tlk now call me bak at for")]
    [InlineData("Not really a good time, maybe some other day?")]
    [InlineData("cal me tomoro at 4 pls")]
    [InlineData("im drivng cal me bak at 6")]
    [InlineData("Not today. Can we do Friday, first thing in the morning?")]
    [InlineData("Any chance you could call on Monday?")]
    [InlineData("Not now. Tomorrow, around elevenish?")]
    [InlineData("Can you call at 4 instead? Actually 5.")]
    [InlineData("pls call bck tmrw mornin")]
    [InlineData("Would you phone the day after tomorrow, about four?")]
    [InlineData("Evenings are better. Wednesday around seven?")]
    [InlineData("Give me three hours and ring again.")]
    [InlineData("Kindly call after 4 pm today, I am in office.")]
    [InlineData("Could you call on the 30th?")]
    [InlineData("Don't ring the landline, it's my mum's. Ring my mobile tomorrow at 5.")]
    public void Requests_for_another_call_are_recognised(string text) => Assert.True(UtteranceAnalyzer.Analyze(text, Knowledge).CallbackRequested);

    [Theory]
    [InlineData("Don't ring the landline, it's my mum's.")]
    [InlineData("Can't talk now, I'm driving.")]
    public void A_line_opening_with_a_negated_auxiliary_is_no_question(string text) => Assert.False(UtteranceAnalyzer.Analyze(text, Knowledge).IsQuestion);

    [Theory]
    [InlineData("Don't hang up, I'm interested.")]
    [InlineData("Don't you dare hang up, I've been waiting for someone to sort this. Yes!")]
    [InlineData("The switch drops when the hoover's on, and I have to go and push it back up.")]
    [InlineData("I hang up on most of these calls, but an inspection, alright, yes.")]
    public void Asking_the_agent_not_to_hang_up_is_no_goodbye(string text) => Assert.False(UtteranceAnalyzer.Analyze(text, Knowledge).Goodbye);

    [Theory]
    [InlineData("I'm hanging up now.")]
    [InlineData("Sorry, I have to go.")]
    public void Leaving_the_call_is_a_goodbye(string text) => Assert.True(UtteranceAnalyzer.Analyze(text, Knowledge).Goodbye);

    [Theory]
    [InlineData("yeh")]
    [InlineData("Mm, okay.")]
    public void A_spoken_yes_however_spelt_is_a_yes(string text) => Assert.True(UtteranceAnalyzer.SaysYes(text));

    [Fact]
    public void Liking_the_offer_but_not_this_week_puts_the_call_off()
    {
        var u = UtteranceAnalyzer.Analyze("It sounds fine, just not this week, we've got builders in.", Knowledge);

        Assert.True(u.Busy);
        Assert.Equal(Interest.Interested, u.Interest);
    }

    [Theory]
    [InlineData("Oh yes, I want that, but the plumber's just turned up.")]
    [InlineData("If this is about switching supplier I'm not interested. Oh, an inspection? Then yes.")]
    public void Interest_said_plainly_or_after_a_refusal_on_a_condition_is_interest(string text) =>
        Assert.Equal(Interest.Interested, UtteranceAnalyzer.Analyze(text, Knowledge).Interest);

    [Fact]
    public void A_refusal_on_a_condition_with_no_yes_after_it_stays_a_refusal() =>
        Assert.Equal(Interest.NotInterested, UtteranceAnalyzer.Analyze("If this is about switching supplier I'm not interested.", Knowledge).Interest);

    [Theory]
    [InlineData("Any weekday morning is best for me.")]
    [InlineData("Afternoons are easier, any day really.")]
    public void When_they_are_free_in_general_is_no_request_for_another_call(string text) =>
        Assert.False(UtteranceAnalyzer.Analyze(text, Knowledge).CallbackRequested);

    [Theory]
    [InlineData("Would the electrician ring me before he comes out?")]
    [InlineData("ya send it and you can contact me on this number anytime")]
    [InlineData("Yeah, do. Contact me by email, I'm never near the phone.")]
    public void Who_rings_before_the_visit_and_where_to_reach_them_ask_for_no_callback(string text) =>
        Assert.False(UtteranceAnalyzer.Analyze(text, Knowledge).CallbackRequested);

    [Theory]
    [InlineData("Could someone call me back tomorrow?")]
    [InlineData("Can you ring me back at 5?")]
    public void Someone_calling_back_is_still_a_callback(string text) =>
        Assert.True(UtteranceAnalyzer.Analyze(text, Knowledge).CallbackRequested);

    [Fact]
    public void A_line_that_puts_the_call_off_names_no_worry_by_meaning_alone() =>
        Assert.Empty(UtteranceAnalyzer.Analyze("Not a good moment, the kids are screaming.", SemanticKnowledge).ConcernTopics(asked: true));

    [Fact]
    public void The_exception_to_no_worries_is_the_concern()
    {
        var u = UtteranceAnalyzer.Analyze("Grand. No worries with the electrics apart from the fuse box clicking off now and then.", Knowledge);

        Assert.False(u.NoConcerns);
        Assert.NotNull(u.Concern);
        Assert.Contains("fuse box", u.Concern);
    }

    [Theory]
    [InlineData("Not now, thanks.")]
    [InlineData("Not today, I'm not interested.")]
    public void Refusing_the_moment_without_naming_another_asks_for_no_callback(string text) =>
        Assert.False(UtteranceAnalyzer.Analyze(text, Knowledge).CallbackRequested);

    [Theory]
    [InlineData("I'm really slammed right now... okay, quickly, yes, I'm interested.", false)]
    [InlineData("I can't talk long, I've got my sister calling on the other line, but yes, sign me up.", false)]
    [InlineData("It sounds fine, just not this week, we've got builders in.", true)]
    [InlineData("I'm busy right now.", true)]
    public void A_yes_given_after_the_busy_words_carries_the_call_on(string text, bool busy) =>
        Assert.Equal(busy, UtteranceAnalyzer.Analyze(text, Knowledge).Busy);

    [Theory]
    [InlineData("Sorry, I'm in a meeting.", null)]
    [InlineData("Book me in.", Interest.Interested)]
    [InlineData("Yes, I'm in.", Interest.Interested)]
    [InlineData("I think I'll pass.", Interest.NotInterested)]
    [InlineData("I'd have to check with my wife.", Interest.Neutral)]
    [InlineData("Nae bother, but I'm no interested.", Interest.NotInterested)]
    [InlineData("I'm not bothered either way.", Interest.Neutral)]
    [InlineData("Honestly? Not bothered.", Interest.NotInterested)]
    [InlineData("It's not bothered me at all, it's been fine.", null)]
    [InlineData("Sorry, I'd actually like to hear more.", Interest.Interested)]
    [InlineData("I might be interested.", Interest.Neutral)]
    [InlineData("Now's not good, but I might be interested later on. Can you call this afternoon, around 3?", null)]
    [InlineData("No, that's okay, I'm listening.", Interest.Interested)]
    [InlineData("Aye, go on, I'll hear you out.", Interest.Interested)]
    [InlineData("Uh, I don't, uh, really know.", Interest.Neutral)]
    [InlineData("I might be, but I can't talk now.", null)]
    [InlineData("Hmm, I'd rather not, thanks.", Interest.NotInterested)]
    [InlineData("Yeah, I'd be up for that.", Interest.Interested)]
    [InlineData("Not up for it, thanks.", Interest.NotInterested)]
    [InlineData("Honestly, I couldn't care less.", Interest.NotInterested)]
    [InlineData("I'm not saying no, but I'm not saying yes yet.", Interest.Neutral)]
    public void Interest_is_read_from_everyday_phrasings(string text, Interest? interest) =>
        Assert.Equal(interest, UtteranceAnalyzer.Analyze(text, Knowledge).Interest);

    [Theory]
    [InlineData("We keep losing power at night.", "power cuts at night")]
    [InlineData("I'm not happy with the flickering lights.", "flickering lights")]
    [InlineData("My biggest worry would be the old wiring.", "old wiring")]
    public void Concerns_said_in_other_words_are_found(string text, string concern) =>
        Assert.Equal(concern, UtteranceAnalyzer.Analyze(text, Knowledge).Concern);

    [Theory]
    [InlineData("No, nothing really.")]
    [InlineData("I'm not worried about anything.")]
    [InlineData("Will I get a credit for the outage?")]
    [InlineData("Yes, sure, tell me more.")]
    public void Lines_without_a_concern_give_none(string text) => Assert.Null(UtteranceAnalyzer.Analyze(text, Knowledge).Concern);

    [Theory]
    [InlineData("Cheers, the post is fine.")]
    [InlineData("Email's fine.")]
    [InlineData("By post would be best.")]
    [InlineData("Email, please.")]
    [InlineData("Stick it in the post.")]
    public void Naming_how_to_send_it_asks_for_information(string text) => Assert.True(UtteranceAnalyzer.Analyze(text, Knowledge).WantsMoreInfo);

    [Theory]
    [InlineData("The outlets in the garage are dead, nothing works out there.", false)]
    [InlineData("No, nothing really.", true)]
    public void Nothing_working_is_no_denial_of_concerns(string text, bool none) => Assert.Equal(none, UtteranceAnalyzer.Analyze(text, Knowledge).NoConcerns);

    [Theory]
    [InlineData("powr keeps gowing off at nite", "power keeps going off at night")]
    [InlineData("the brekaer keeps triping wen i use the oven", "the breaker keeps tripping when i use the oven")]
    [InlineData("The Lights Flicker.", "The Lights Flicker.")]
    [InlineData("the lites flikker all the time", "the lights flicker all the time")]
    public void Speech_recognition_spellings_are_put_right_for_reading_by_meaning(string heard, string read) =>
        Assert.Equal(read, TextTokens.Respelled(heard));

    [Theory]
    [InlineData("That can't be right, can it?", false)]
    [InlineData("Just the cost, if I'm honest, nothing's ever free, is it?", false)]
    [InlineData("Is it really free?", true)]
    [InlineData("It's free, right?", false)]
    [InlineData("When it's windy we always lose the power.", false)]
    [InlineData("Where do I start. The bills, for one.", false)]
    [InlineData("When can you come?", true)]
    [InlineData("when will the engineer come", true)]
    [InlineData("What gets me is it always seems to go out around two in the morning.", false)]
    [InlineData("What I hate most is the fridge beeping when it comes back.", false)]
    [InlineData("What gets fixed in the inspection?", true)]
    public void A_tag_question_states_rather_than_asks(string text, bool question) =>
        Assert.Equal(question, UtteranceAnalyzer.Analyze(text, Knowledge).IsQuestion);

    [Theory]
    [InlineData("Yes, sure, tell me more.", Polarity.Yes, Interest.Interested)]
    [InlineData("Maybe, I'm not sure yet.", Polarity.None, Interest.Neutral)]
    [InlineData("No thanks, I'm not interested.", Polarity.No, Interest.NotInterested)]
    [InlineData("No, that's fine.", Polarity.No, null)]
    [InlineData("Okay, goodbye.", Polarity.Yes, null)]
    [InlineData("Not now, but maybe later.", Polarity.No, null)]
    [InlineData("Yeah, right, because you lot are so reliable. No thanks.", Polarity.No, null)]
    [InlineData("Oh sure, because your engineers always turn up on time. No thanks.", Polarity.No, null)]
    [InlineData("K.", Polarity.Yes, null)]
    [InlineData("Please.", Polarity.Yes, null)]
    [InlineData("Please don't.", Polarity.None, null)]
    [InlineData("I haven't got long, I'm on my lunch. Sure, quickly.", Polarity.Yes, null)]
    [InlineData("Oh sure, because the last engineer was so helpful. No.", Polarity.No, null)]
    public void Answers_carry_polarity_and_interest(string text, Polarity polarity, Interest? interest)
    {
        var u = UtteranceAnalyzer.Analyze(text, Knowledge);
        Assert.Equal((polarity, interest), (u.Polarity, u.Interest));
    }

    [Theory]
    [InlineData("I'm snowed under at the moment.")]
    [InlineData("Sorry, I'm just out the door.")]
    [InlineData("I'm at the shops.")]
    [InlineData("I'm up to my neck in it today.")]
    public void Being_swamped_or_on_the_way_out_puts_the_call_off(string text) => Assert.True(UtteranceAnalyzer.Analyze(text, Knowledge).Busy);

    [Theory]
    [InlineData("Yes please, the breaker has tripped three times this week.", "fuse box tripping")]
    [InlineData("Yes please, sounds good to me.", null)]
    [InlineData("Sure, why not.", null)]
    public void A_clear_concern_beside_the_opening_yes_is_named(string text, string? topic)
    {
        var customer = ConversationHarness.Customer();
        var knowledge = new ScriptKnowledge(ScriptRenderer.Render(OutageScript.Definition(), customer).Script, customer) { Semantics = SemanticIntents.Shared };

        Assert.Equal(topic is null ? [] : [topic], UtteranceAnalyzer.Analyze(text, knowledge).ConcernsBesideAnswer());
    }

    [Theory]
    [InlineData("Not that I know of, it's been fine since they fixed the line.")]
    [InlineData("Everything's been working fine since the new meter went in.")]
    public void A_clause_saying_all_is_well_names_no_topic(string text) => Assert.Empty(SemanticIntents.Shared.ConcernTopics(text));

    [Fact]
    public void Intents_and_slots_come_from_the_script_and_the_words()
    {
        var callback = UtteranceAnalyzer.Analyze("I'm busy right now. Can you call me back tomorrow at 5 pm?", Knowledge);
        Assert.True(callback.Busy && callback.CallbackRequested);
        Assert.Equal("tomorrow at 5 pm", callback.TimePhrase);
        Assert.Equal("I'm busy right now.", callback.Objection?.Objection.Objection);

        var info = UtteranceAnalyzer.Analyze("Yes please, send me more information.", Knowledge);
        Assert.True(info.WantsMoreInfo);
        Assert.False(UtteranceAnalyzer.Analyze("No, I don't need any more information.", Knowledge).WantsMoreInfo);

        var faq = UtteranceAnalyzer.Analyze("Do I get a credit for the outage?", Knowledge);
        Assert.Equal(OutageScript.CreditAnswer, faq.Faq?.Answer);
        Assert.Equal("The outages in Riverside came from an overloaded transformer.", UtteranceAnalyzer.Analyze("Why was there a blackout?", Knowledge).Faq?.Answer);

        var objection = UtteranceAnalyzer.Analyze("It is still not fixed, I'm so fed up", Knowledge);
        Assert.Equal(OutageScript.FedUpResponse, objection.Objection?.Objection.Response);
        Assert.Equal(ObjectionKind.OptOut, Knowledge.Objections.Single(o => o.Text == "Stop calling me.").Item.Kind);

        Assert.True(UtteranceAnalyzer.Analyze("Who is this?", Knowledge).AsksIdentity);
        Assert.True(UtteranceAnalyzer.Analyze("Okay, goodbye.", Knowledge).Goodbye);
        Assert.True(UtteranceAnalyzer.Analyze("I like turtles.", Knowledge).Unrecognized);
    }

    [Theory]
    [InlineData("Not now, but maybe later.", null)]
    [InlineData("Sorry, I'm in a meeting. Thursday at 6 would be better.", "thursday at 6")]
    [InlineData("Bad time, sorry, I'm cooking. Try tomorow at 5pm.", "tomorrow at 5pm")]
    [InlineData("Can you try Friday morning instead?", "friday morning")]
    public void A_caller_who_puts_the_call_off_asks_for_a_callback_and_voices_no_concern(string text, string? time)
    {
        var u = UtteranceAnalyzer.Analyze(text, Knowledge);

        Assert.True(u.CallbackRequested);
        Assert.Equal(time, u.TimePhrase);
        Assert.Null(u.Concern);
    }

    [Fact]
    public void The_built_in_script_is_a_valid_script() =>
        Assert.Empty(ScriptValidator.Validate(DefaultScript.Create("City Power", "Alex")));
}
