using Campaign.Conversation.Understanding;
using Xunit.Abstractions;

namespace Campaign.Tests.Conversation;

/// <summary>
/// The opt-out detector against labelled phrasings. The floors only ever go up: a missed opt-out is a violation, so every
/// one must be caught on the held-out part too, either at once or by asking the customer to confirm (a customer asked
/// "Would you like us to stop calling you?" who says yes, or hangs up, is listed).
/// </summary>
public class OptOutCorpusTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("development")]
    [InlineData("development-2")]
    public void Every_development_opt_out_is_recognised_and_few_other_lines_are_taken_for_one(string part)
    {
        var score = OptOutCorpus.Load(part).Evaluate();
        output.WriteLine($"{part}: " + score.Summary);

        // The development part may be read: name what went wrong.
        var misses = score.OptOuts.Where(r => r.Signal != OptOutSignal.Definite).Select(r => $"optOut as {r.Signal}: {r.Line.Text}")
            .Concat(score.Possibles.Where(r => r.Signal == OptOutSignal.None).Select(r => $"possible missed: {r.Line.Text}"))
            .Concat(score.Others.Where(r => r.Signal != OptOutSignal.None).Select(r => $"none as {r.Signal}: {r.Line.Text}"))
            .ToList();
        output.WriteLine(string.Join('\n', misses));

        Assert.True(score.OptOutRecall == 1, string.Join('\n', misses));
        Assert.True(score.PossibleCaught == 1, string.Join('\n', misses));
        Assert.True(score.FalseOptOutRate <= 0.02, string.Join('\n', misses));
    }

    /// <summary>
    /// The held-out floors reached so far, as counts of its 123 opt-outs, 41 unclear lines and 101 other lines, with the
    /// semantic layer backing the rules as on a call: every opt-out caught (recognised or asked about), at most two other
    /// lines taken for one, and a ceiling on needless questions. The figures are in docs/conversation.md.
    /// </summary>
    [Fact]
    public void Held_out_opt_outs_are_caught_at_least_as_well_as_before()
    {
        var corpus = OptOutCorpus.Load("heldout");

        // A short line can be written the same way twice ("Stop calling me."): an example that happens to equal a
        // held-out line is left out of the comparison, so no held-out line is scored against itself.
        var heldOut = corpus.Lines.Select(l => OptOutCorpus.Key(l.Text)).ToHashSet();
        var examples = OptOutExamples.Shipped().Where(e => !heldOut.Contains(OptOutCorpus.Key(e.Text))).ToList();
        var score = corpus.Evaluate(new OptOutRecognizer(new SemanticOptOutScorer(examples)));

        // Only figures are shown: the held-out lines are never read while tuning.
        output.WriteLine("held-out, rules only: " + corpus.Evaluate(OptOutRecognizer.RulesOnly).Summary);
        output.WriteLine($"held-out ({OptOutExamples.Shipped().Count - examples.Count} examples equal to held-out lines left out): " + score.Summary);
        Assert.True(score.OptOuts.Count(r => r.Signal != OptOutSignal.None) >= 123, score.Summary);
        Assert.True(score.OptOuts.Count(r => r.Signal == OptOutSignal.Definite) >= 96, score.Summary);
        Assert.True(score.Possibles.Count(r => r.Signal != OptOutSignal.None) >= 34, score.Summary);
        Assert.True(score.Others.Count(r => r.Signal == OptOutSignal.Definite) <= 2, score.Summary);
        Assert.True(score.Others.Count(r => r.Signal == OptOutSignal.Possible) <= 10, score.Summary);
    }
}
