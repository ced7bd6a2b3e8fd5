using Campaign.Conversation.Understanding;

namespace Campaign.Tests.Conversation;

/// <summary>The semantic layer's labelled lines and the vectors shipped with them.</summary>
public class OptOutExamplesTests
{
    [Fact]
    public void The_shipped_vectors_are_those_of_the_shipped_lines()
    {
        var lines = OptOutExamples.ShippedLines();
        var vectors = OptOutExamples.Shipped();

        // An edited line without regenerated vectors fails here: run bench/Campaign.OptOutBench embed-examples.
        Assert.Equal(lines.Select(l => (l.Text, l.Label)), vectors.Select(v => (v.Text, v.Label)));
        foreach (var example in vectors.Where((_, i) => i % 500 == 0))
        {
            var fresh = SentenceEmbedding.Embed(example.Text);
            var similarity = fresh.Zip(example.Vector, (a, b) => (double)a * b).Sum();
            Assert.True(similarity > 0.999, $"'{example.Text}': {similarity}");
        }
    }

    [Fact]
    public void The_examples_have_every_label_and_no_line_twice()
    {
        var lines = OptOutExamples.ShippedLines();

        Assert.All(Enum.GetValues<OptOutExampleLabel>(), label => Assert.True(lines.Count(l => l.Label == label) >= 100, $"{label}"));
        var twice = lines.GroupBy(l => OptOutCorpus.Key(l.Text)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, string.Join('\n', twice));
    }
}
