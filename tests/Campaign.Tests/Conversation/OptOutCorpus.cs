using System.Text.Json;
using Campaign.Conversation.Understanding;
using Campaign.Tests.Support;

namespace Campaign.Tests.Conversation;

/// <summary>
/// Caller lines labelled <c>optOut</c> (a request to stop calling), <c>possible</c> (might be one: the agent must ask) or
/// <c>none</c>, in two parts: <c>development</c>, which the rules may be tuned on, and <c>heldout</c>, which is only ever
/// scored (its lines are never printed).
/// </summary>
public sealed record OptOutCorpus(string Part, IReadOnlyList<OptOutCorpus.Line> Lines)
{
    public sealed record Line(string Text, string Label, string? Style);

    /// <summary>The rules backed by the shipped semantic layer.</summary>
    public static OptOutRecognizer Semantic { get; } = new(SemanticOptOutScorer.Shared);

    public static OptOutCorpus Load(string part)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "Campaign.Tests", "Conversation", "conversation-corpus", $"optout-{part}.json");
        using var stream = File.OpenRead(path);
        var document = JsonDocument.Parse(stream).RootElement;
        var lines = document.GetProperty("lines").EnumerateArray()
            .Select(l => new Line(l.GetProperty("text").GetString()!, l.GetProperty("label").GetString()!, l.TryGetProperty("style", out var s) ? s.GetString() : null))
            .ToList();
        return new OptOutCorpus(part, lines);
    }

    /// <summary>A line compared case- and spacing-blind.</summary>
    public static string Key(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The results over the corpus of the rules backed by the semantic layer, as on a call.</summary>
    public Score Evaluate() => Evaluate(Semantic);

    /// <summary>The results over the corpus of <paramref name="recognizer"/>.</summary>
    public Score Evaluate(OptOutRecognizer recognizer)
    {
        var results = Lines.Select(l => (Line: l, Signal: recognizer.Classify(l.Text))).ToList();
        return new Score(
            results.Where(r => r.Line.Label == "optOut").ToList(),
            results.Where(r => r.Line.Label == "possible").ToList(),
            results.Where(r => r.Line.Label == "none").ToList());
    }

    public sealed record Score(
        IReadOnlyList<(Line Line, OptOutSignal Signal)> OptOuts,
        IReadOnlyList<(Line Line, OptOutSignal Signal)> Possibles,
        IReadOnlyList<(Line Line, OptOutSignal Signal)> Others)
    {
        /// <summary>Clear opt-outs recognised as such (the agent ends the call and lists the number).</summary>
        public double OptOutRecall => Rate(OptOuts, s => s == OptOutSignal.Definite);

        /// <summary>Clear opt-outs at least asked about: none is left to pass.</summary>
        public double OptOutCaught => Rate(OptOuts, s => s != OptOutSignal.None);

        /// <summary>Unclear lines the agent asks about or treats as opt-outs.</summary>
        public double PossibleCaught => Rate(Possibles, s => s != OptOutSignal.None);

        /// <summary>Lines that are not opt-outs taken as one (the customer is lost).</summary>
        public double FalseOptOutRate => Rate(Others, s => s == OptOutSignal.Definite);

        /// <summary>Lines that are not opt-outs the agent asks about (one extra question).</summary>
        public double NeedlessQuestionRate => Rate(Others, s => s == OptOutSignal.Possible);

        public string Summary =>
            $"opt-out recall {OptOutRecall:P1} ({OptOuts.Count}), caught incl. asked {OptOutCaught:P1}; possible caught {PossibleCaught:P1} ({Possibles.Count}); " +
            $"false opt-outs {FalseOptOutRate:P1}, needless questions {NeedlessQuestionRate:P1} ({Others.Count})";

        private static double Rate(IReadOnlyList<(Line Line, OptOutSignal Signal)> lines, Func<OptOutSignal, bool> good) =>
            lines.Count == 0 ? 1 : (double)lines.Count(l => good(l.Signal)) / lines.Count;
    }
}
