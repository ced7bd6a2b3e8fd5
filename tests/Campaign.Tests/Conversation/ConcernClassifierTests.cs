using Campaign.Conversation.Understanding;

namespace Campaign.Tests.Conversation;

/// <summary>The trained concern classifier: how it learns, what it ships, and what it adds to the nearest examples.</summary>
public class ConcernClassifierTests
{
    [Fact]
    public void It_learns_labels_apart_and_reads_the_same_after_a_round_trip()
    {
        var lines = new List<(string, float[])>();
        var random = new Random(7);
        foreach (var (label, axis) in (ReadOnlySpan<(string, int)>)[("a", 0), ("b", 1), ("none", 2)])
        {
            for (var i = 0; i < 12; i++)
            {
                lines.Add((label, Noisy(axis, random)));
            }
        }

        var classifier = ConcernClassifier.Train(lines);
        using var file = new MemoryStream();
        classifier.Write(file);
        file.Position = 0;
        var read = ConcernClassifier.Read(file);

        Assert.Equal(["a", "b", "none"], read.Labels);
        var probe = Noisy(1, random);
        Assert.Equal("b", classifier.Best(probe).Label);
        Assert.True(classifier.Best(probe).Probability > 0.5);
        Assert.Equal(classifier.Best(probe).Probability, read.Best(probe).Probability, 6);
        Assert.Equal(0, classifier.Probability(probe, "unknown"));
    }

    [Fact]
    public void The_shipped_weights_know_every_topic_of_the_examples_no_concern_and_other_concerns()
    {
        var topics = IntentExamples.ShippedLines().Where(l => l.Task == IntentTask.Concern).Select(l => l.Label).Distinct();

        // A topic added to the examples without retraining fails here: run bench/Campaign.ConversationEval train-concerns.
        Assert.Equal(topics.Append(ConcernClassifier.Other).Order(StringComparer.Ordinal), ConcernClassifier.Shipped.Labels.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Any time it blows a gale the whole street sits in the dark for hours.", "outages during storms")]
    [InlineData("I spent forty minutes on hold last time I rang you.", "customer service")]
    [InlineData("The plug by the telly pops and flashes when you push it in.", "sparking sockets")]
    public void A_concern_said_without_its_topic_words_is_named_with_the_classifier_and_not_without(string line, string topic)
    {
        Assert.Contains(topic, SemanticIntents.Shared.ConcernTopics(line));
        Assert.DoesNotContain(topic, new SemanticIntents(IntentExamples.Shipped()).ConcernTopics(line));
    }

    [Theory]
    [InlineData("Half the plugs in the lounge just flop out of the wall.", "loose sockets")]
    [InlineData("My toddler keeps sticking his fingers near the plug sockets.", "safety of children")]
    [InlineData("My mum's eighty-eight and lives with me, and I worry about her when the power goes.", "elderly relative at home")]
    [InlineData("Who pays for the repairs if they find something?", "cost of repairs")]
    [InlineData("When the electric goes off the boiler stops and the whole house is freezing.", "heating lost in outages")]
    public void Loose_sockets_children_an_elderly_relative_repair_costs_and_heating_lost_are_topics_of_their_own(string line, string topic) =>
        Assert.Contains(topic, SemanticIntents.Shared.ConcernTopics(line));

    [Theory]
    [InlineData("Thanks, that's lovely.")]
    [InlineData("Thursday afternoon suits me.")]
    [InlineData("The tree outside keeps brushing against the cable to the house.")]
    public void A_courtesy_a_time_or_a_concern_outside_the_topics_gets_no_topic_from_it(string line) =>
        Assert.Empty(SemanticIntents.Shared.ConcernTopics(line));

    [Fact]
    public void It_never_decides_whether_to_ask_about_an_opt_out()
    {
        const string line = "Any time it blows a gale the whole street sits in the dark for hours.";

        Assert.Empty(SemanticIntents.Shared.ConcernTopics(line, classified: false).Except(new SemanticIntents(IntentExamples.Shipped()).ConcernTopics(line)));
    }

    private static float[] Noisy(int axis, Random random)
    {
        var vector = new float[SentenceEmbedding.Dimensions];
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)(random.NextDouble() - 0.5) * 0.1f;
        }

        vector[axis] += 1;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }
}
