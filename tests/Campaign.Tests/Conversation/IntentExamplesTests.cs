using Campaign.Abstractions.Customers;
using Campaign.Conversation.Understanding;
using Campaign.ConversationEval.Eval;

namespace Campaign.Tests.Conversation;

/// <summary>The semantic understanding layer's labelled lines, the vectors shipped with them, and what it reads.</summary>
public class IntentExamplesTests
{
    [Fact]
    public void The_shipped_vectors_are_those_of_the_shipped_lines()
    {
        var lines = IntentExamples.ShippedLines();
        var vectors = IntentExamples.Shipped();

        // An edited line without regenerated vectors fails here: run bench/Campaign.ConversationEval embed-examples.
        Assert.Equal(lines, vectors.Select(v => (v.Task, v.Label, v.Text)));
        foreach (var example in vectors.Where((_, i) => i % 60 == 0))
        {
            var fresh = SentenceEmbedding.Embed(example.Text);
            var similarity = fresh.Zip(example.Vector, (a, b) => (double)a * b).Sum();
            Assert.True(similarity > 0.999, $"'{example.Text}': {similarity}");
        }
    }

    [Fact]
    public void Every_task_has_its_labels_and_no_line_is_labelled_twice_for_one_task()
    {
        var lines = IntentExamples.ShippedLines();

        Assert.Equal(["interested", "neutral", "notInterested", "none"], lines.Where(l => l.Task == IntentTask.Interest).Select(l => l.Label).Distinct());
        Assert.Equal(["moreInfo", "callback", "none"], lines.Where(l => l.Task == IntentTask.FollowUp).Select(l => l.Label).Distinct());
        Assert.Contains(IntentExamples.None, lines.Where(l => l.Task == IntentTask.Concern).Select(l => l.Label));
        Assert.All(lines.GroupBy(l => (l.Task, l.Label)), g => Assert.True(g.Count() >= 10, $"{g.Key}: {g.Count()} lines"));
        var twice = lines.GroupBy(l => (l.Task, l.Text.Trim().ToLowerInvariant())).Where(g => g.Count() > 1).Select(g => g.Key.Item2).ToList();
        Assert.True(twice.Count == 0, string.Join('\n', twice));
    }

    [Theory]
    [InlineData("The bulbs keep blinking on and off.", "flickering lights")]
    [InlineData("Our trip switch goes every other day.", "fuse box tripping")]
    [InlineData("Every time there's a storm we're left in the dark.", "outages during storms")]
    [InlineData("Thanks, that's lovely.", null)]
    [InlineData("Thursday afternoon suits me.", null)]
    [InlineData("The smart meter shows the wrong numbers.", "smart meter")]
    [InlineData("The tree outside keeps brushing against the cable to the house.", null)]
    public void A_concern_is_named_as_the_examples_name_it_and_a_courtesy_time_or_unknown_topic_is_not(string line, string? topic)
    {
        var topics = SemanticIntents.Shared.ConcernTopics(line);

        Assert.Equal(topic is null ? [] : [topic], topics);
    }

    [Theory]
    [InlineData("cost", "price of the inspection")]
    [InlineData("really free", "price of the inspection")]
    [InlineData("repair costs", "cost of repairs")]
    [InlineData("paying for the fix", "cost of repairs")]
    [InlineData("power", null)]
    [InlineData("helpline", null)]
    public void A_short_concern_is_named_by_the_topic_whose_name_holds_its_words_and_by_the_nearer_of_two(string concern, string? topic) =>
        Assert.Equal(topic, SemanticIntents.Shared.TopicNaming(concern));

    [Fact]
    public void A_topic_clearly_nearer_than_any_other_is_named_though_no_example_is_near() =>
        Assert.Equal("high bills", SemanticIntents.Shared.Confident(IntentTask.Concern, "We pay through the nose every month and nobody can tell me why."));

    [Fact]
    public async Task A_clause_naming_a_thing_and_its_fault_is_a_concern_beside_a_known_topic()
    {
        using var agent = new EvalAgent();
        var dialogue = new EvalDialogue("thing", "", ["Yes.", "The lights flicker and the garden pump keeps cutting out.", "Yes please."],
            new ExpectedOutcome(Interest.Interested, [], FollowUpKind.MoreInfo, null, false));

        var result = await agent.RunAsync(dialogue);

        Assert.Equal(["flickering lights", "garden pump"], result.Predicted.Concerns);
    }

    [Fact]
    public async Task A_corrected_callback_time_is_the_one_kept()
    {
        using var agent = new EvalAgent();
        var dialogue = new EvalDialogue("corrected", "", ["I'm busy, call me at 3, no wait, make it 5.", "Bye."],
            new ExpectedOutcome(Interest.Unknown, [], FollowUpKind.Callback, null, false));

        var result = await agent.RunAsync(dialogue);

        Assert.Equal(new CallbackSlot(DayOfWeek.Tuesday, 17), result.Predicted.Callback);
    }

    [Fact]
    public void Two_concerns_in_one_sentence_are_two_topics() =>
        Assert.Equal(["flickering lights", "fuse box tripping"], SemanticIntents.Shared.ConcernTopics("The lights flicker and the breaker keeps tripping."));

    [Theory]
    [InlineData(true, Interest.NotInterested)]
    [InlineData(false, Interest.Interested)]
    public async Task The_layer_reads_a_yeah_no_as_a_refusal_and_is_switched_off_by_configuration(bool semantic, Interest expected)
    {
        using var agent = new EvalAgent(new Dictionary<string, string?> { ["Conversation:Understanding:Semantic"] = semantic ? "true" : "false" });
        var dialogue = new EvalDialogue("switch", "", ["Yeah, no, that's not something I want."], new ExpectedOutcome(Interest.NotInterested, [], FollowUpKind.None, null, false));

        var result = await agent.RunAsync(dialogue);

        Assert.Equal(expected, result.Predicted.Interest);
    }
}
