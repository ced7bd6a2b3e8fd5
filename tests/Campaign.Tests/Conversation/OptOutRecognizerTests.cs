using Campaign.Conversation.Agent;
using Campaign.Conversation.Understanding;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaign.Tests.Conversation;

/// <summary>
/// The rules backed by the semantic layer: the rules answer first and are final when they find anything; a line they
/// find nothing in may be raised to a possible opt-out by the model (the agent asks), never to a definite one.
/// </summary>
public class OptOutRecognizerTests
{
    // Freely phrased requests no rule foresaw, written for this test (they are not among the examples).
    private const string Unforeseen = "My phone is not for your company to ring, understood?";

    public static TheoryData<string> UnforeseenOptOuts() => new()
    {
        "Please make sure this is the final time your company rings me.",
        "I'd be happier if my phone number wasn't on your dialling sheet.",
        Unforeseen,
    };

    [Theory]
    [MemberData(nameof(UnforeseenOptOuts))]
    public void A_freely_phrased_opt_out_the_rules_miss_is_asked_about(string line)
    {
        Assert.Equal(OptOutSignal.None, OptOutDetector.Classify(line));
        Assert.Equal(OptOutSignal.Possible, OptOutCorpus.Semantic.Classify(line));
    }

    [Theory]
    [InlineData("Can you call me back after lunch?")]
    [InlineData("Ring me another time, I'm off out now. Bye.")]
    [InlineData("Are you a bot or a human?")]
    public void A_plain_request_for_another_call_or_for_who_is_calling_is_not_asked_about(string line)
    {
        var model = new FixedScorer(1);

        Assert.Equal(OptOutSignal.None, new OptOutRecognizer(model).Classify(line));
        Assert.Equal(0, model.Calls);
    }

    [Theory]
    [InlineData("Thursday morning suits me.")]
    [InlineData("Can you call me back after lunch?")]
    [InlineData("No thanks, I'm not interested.")]
    [InlineData("Stop, let me find a pen.")]
    [InlineData("Please ring my daughter about the bill instead.")]
    [InlineData("Could the engineer phone before he comes?")]
    public void An_ordinary_line_is_not_asked_about(string line) => Assert.Equal(OptOutSignal.None, OptOutCorpus.Semantic.Classify(line));

    [Theory]
    [InlineData("Take me off your list.")]
    [InlineData("Please don't call me again.")]
    [InlineData("I revoke my consent to receive calls from you.")]
    public void A_definite_opt_out_from_the_rules_stays_definite_whatever_the_model_says(string line)
    {
        var model = new FixedScorer(-1);

        Assert.Equal(OptOutSignal.Definite, new OptOutRecognizer(model).Classify(line));
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public void The_model_raises_a_line_the_rules_find_nothing_in_to_a_question_never_to_an_opt_out()
    {
        var model = new FixedScorer(1);
        var recognizer = new OptOutRecognizer(model);

        Assert.Equal(OptOutSignal.Possible, recognizer.Classify(Unforeseen));
        Assert.Equal(1, model.Calls);

        // A possible opt-out of the rules is asked about as it is: the model is not asked to make it definite.
        Assert.Equal(OptOutSignal.Possible, recognizer.Classify("Why do you keep calling me?"));
        Assert.Equal(1, model.Calls);
    }

    [Theory]
    [InlineData("Thursday morning suits me.")]
    [InlineData("Yes.")]
    [InlineData("The extractor fan in the bathroom rattles and then just stops.")]
    [InlineData("")]
    [InlineData(null)]
    public void A_line_with_no_word_about_calls_never_reaches_the_model(string? line)
    {
        var model = new FixedScorer(1);

        Assert.Equal(OptOutSignal.None, new OptOutRecognizer(model).Classify(line));
        Assert.Equal(0, model.Calls);
    }

    [Theory]
    [InlineData("I rang your number four times and got cut off every single time.")]
    [InlineData("We've phoned the helpline every single day this week and nobody knows anything.")]
    [InlineData("Nobody at your company ever answers the phone.")]
    [InlineData("I never get a call back when I report faults.")]
    [InlineData("I work from home and can't have someone about during my calls.")]
    public void The_customers_own_calls_to_the_company_are_no_hint_of_an_opt_out(string line)
    {
        var model = new FixedScorer(1);

        Assert.Equal(OptOutSignal.None, OptOutDetector.Classify(line));
        Assert.Equal(OptOutSignal.None, new OptOutRecognizer(model).Classify(line));
        Assert.Equal(0, model.Calls);
    }

    [Theory]
    [InlineData("The plug by the kettle crackles and spits, and when I ring you lot nobody ever picks up.")]
    [InlineData("When I phone about a fault I wait an hour.")]
    public void The_customers_calls_told_in_the_present_are_no_hint_of_an_opt_out(string line)
    {
        var model = new FixedScorer(1);

        Assert.Equal(OptOutSignal.None, OptOutDetector.Classify(line));
        Assert.Equal(OptOutSignal.None, new OptOutRecognizer(model).Classify(line));
    }

    [Theory]
    [InlineData("Look, I work two jobs and honestly I don't have time for this today, can you try me Saturday morning?")]
    [InlineData("Half two in the morning, pitch black, every single week.")]
    [InlineData("Your repairs take ages, and when I phone nobody ever calls me back.")]
    [InlineData("Every time I phone up I'm on hold for forty minutes and then I get cut off.")]
    [InlineData("Stop calling it free, nothing's free. What's the catch?")]
    [InlineData("Leave me be for now, I'm at the school gates. Try after three.")]
    public void A_grumble_that_asks_for_another_call_or_is_about_the_service_is_not_asked_about(string line) =>
        Assert.Equal(OptOutSignal.None, new OptOutRecognizer(SemanticOptOutScorer.Shared, understanding: SemanticIntents.Shared).Classify(line, answersOffer: false));

    [Theory]
    [InlineData("Don't ring off yet, I need to find my glasses... right, yes, I'm interested, dear.")]
    [InlineData("Am I on some list for this? Like a priority list? Okay, yeah, I'll have it.")]
    public void A_line_that_ends_agreeing_to_the_offer_is_not_asked_about(string line) =>
        Assert.Equal(OptOutSignal.None, new OptOutRecognizer(new FixedScorer(1)).Classify(line, answersOffer: false));

    [Theory]
    [InlineData("Leave me alone for now.")]
    public void Being_left_alone_for_now_is_asked_about_not_taken_as_an_opt_out(string line) =>
        Assert.Equal(OptOutSignal.Possible, OptOutDetector.Classify(line));

    [Fact]
    public void Calls_every_single_day_are_still_asked_about() =>
        Assert.Equal(OptOutSignal.Possible, OptOutDetector.Classify("You ring me every single day."));

    [Theory]
    [InlineData("Would it be possible not to contact me by phone again?")]
    [InlineData("Don't contact me by phone again.")]
    [InlineData("I'd ask you not to ring us.")]
    public void Asking_not_to_be_contacted_by_phone_is_an_opt_out(string line) => Assert.True(OptOutDetector.IsOptOut(line));

    [Theory]
    [InlineData("Please don't call me by my full name.")]
    [InlineData("I asked the engineer not to ring me.")]
    public void A_name_to_be_called_by_or_someone_elses_call_is_not_an_opt_out(string line) => Assert.False(OptOutDetector.IsOptOut(line));

    [Fact]
    public void A_saying_made_of_ending_words_never_reaches_the_model()
    {
        var model = new FixedScorer(1);

        Assert.Equal(OptOutSignal.None, new OptOutRecognizer(model).Classify("Not off the top of my head."));
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public void Complaining_of_the_calls_is_still_asked_about_when_the_customer_has_called_too() =>
        Assert.Equal(OptOutSignal.Possible, OptOutDetector.Classify("I rang your office once, and since then you keep calling me."));

    [Theory]
    [InlineData("Bills are through the roof and nobody at your call centre ever picks up.")]
    [InlineData("No one in your call center ever answers.")]
    [InlineData("Repairs drag on and nobody on the phone line ever has a clue.")]
    public void A_call_centre_or_phone_line_is_where_the_customer_calls_not_a_call_to_them(string line)
    {
        Assert.False(OptOutDetector.IsOptOut(line));
        Assert.True(OptOutDetector.IsOptOut("Nobody from your company calls me ever again."));
    }

    [Theory]
    [InlineData("Oh, how thoughtful of you. Yeah, I suppose.")]
    [InlineData("Honestly, the fuse box keeps tripping and I'm sick of it.")]
    public void A_line_only_the_model_hesitated_over_that_the_rules_read_as_a_yes_or_a_complaint_is_not_asked_about(string line)
    {
        var recognizer = new OptOutRecognizer(new FixedScorer(1), understanding: SemanticIntents.Shared);

        Assert.Equal(OptOutSignal.None, recognizer.Classify(line, answersOffer: false));
    }

    [Fact]
    public void A_yes_with_a_word_of_ending_is_still_asked_about() =>
        Assert.Equal(OptOutSignal.Possible, new OptOutRecognizer(new FixedScorer(1), understanding: SemanticIntents.Shared).Classify("Yeah, enough now.", answersOffer: false));

    [Fact]
    public void A_model_that_fails_leaves_the_rules_to_answer_and_is_logged()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var recognizer = new OptOutRecognizer(new FailingScorer(), factory.CreateLogger<OptOutRecognizer>());

        Assert.Equal(OptOutSignal.None, recognizer.Classify(Unforeseen));
        Assert.Equal(OptOutSignal.Definite, recognizer.Classify("Stop calling me."));
        Assert.Contains(logs.Messages, m => m.StartsWith("Error", StringComparison.Ordinal) && m.Contains("semantic opt-out layer failed", StringComparison.Ordinal));
    }

    [Fact]
    public void The_semantic_layer_is_on_by_default_and_off_by_configuration()
    {
        var line = Unforeseen;
        using var standard = new ConversationHarness();
        using var rulesOnly = new ConversationHarness(new Dictionary<string, string?> { ["Conversation:OptOut:Semantic"] = "false" });

        var on = standard.Services.GetRequiredService<OptOutRecognizer>();
        var off = rulesOnly.Services.GetRequiredService<OptOutRecognizer>();

        Assert.True(on.IsSemantic);
        Assert.Equal(OptOutSignal.Possible, on.Classify(line));
        Assert.False(off.IsSemantic);
        Assert.Equal(OptOutSignal.None, off.Classify(line));
    }

    [Fact]
    public async Task On_a_call_a_freely_phrased_opt_out_is_asked_about_and_a_yes_opts_out()
    {
        using var harness = new ConversationHarness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, Unforeseen, "Yes.");
        var outcome = await harness.ConcludeAsync(session);

        Assert.Equal(AgentLines.AskOptOut, replies[1].Text);
        Assert.True(replies[2].EndCall);
        Assert.True(outcome.OptedOut);
    }

    [Fact]
    public async Task With_the_semantic_layer_off_the_same_line_goes_to_the_script()
    {
        using var harness = new ConversationHarness(new Dictionary<string, string?> { ["Conversation:OptOut:Semantic"] = "false" });
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, Unforeseen);

        Assert.NotEqual(AgentLines.AskOptOut, replies[1].Text);
        Assert.Null(session.Memory.OptOutAsked);
    }

    private sealed class FixedScorer(double score) : IOptOutScorer
    {
        public int Calls { get; private set; }

        public double Score(string line)
        {
            Calls++;
            return score;
        }
    }

    private sealed class FailingScorer : IOptOutScorer
    {
        public double Score(string line) => throw new InvalidOperationException("The model could not be loaded.");
    }
}
