using Campaign.Abstractions.Customers;
using Campaign.Conversation.Understanding;

namespace Campaign.ConversationEval.Eval;

/// <summary>
/// The lines the concern classifier learns from: the concern examples of <c>intent-examples.json</c> and, from every
/// development part of the corpus (never the held-out one), the caller's answer to "what worries you?" — the line before
/// the answer to the offer of information, in a dialogue of an interested or hesitant caller — labelled with the
/// dialogue's one concern (a known topic, or <see cref="ConcernClassifier.Other"/> for one outside them) or
/// <see cref="IntentExamples.None"/>, and such a caller's short answer to the opening question ("Yes, go on.") as no
/// concern. Dialogues with two concerns are left out: their line holds both.
/// </summary>
public static class ConcernTraining
{
    /// <summary>The development parts, by the names the harness takes.</summary>
    public static IReadOnlyList<string> DevelopmentParts(string repositoryRoot) =>
        [EvalCorpus.Development, .. Directory.GetFiles(EvalCorpus.Folder(repositoryRoot), "dialogues-dev?*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)["dialogues-".Length..]).Where(p => p != "dev").Order(StringComparer.Ordinal)];

    /// <summary>The labelled lines and their vectors, leaving out the development part <paramref name="leftOut"/> if any.</summary>
    public static IReadOnlyList<(string Label, float[] Vector)> Lines(string repositoryRoot, string? leftOut)
    {
        var examples = IntentExamples.Shipped().Where(e => e.Task == IntentTask.Concern).ToList();
        var topics = examples.Select(e => e.Label).Where(l => l != IntentExamples.None).ToHashSet(StringComparer.Ordinal);
        var lines = examples.Select(e => (e.Label, e.Vector)).ToList();
        var seen = examples.Select(e => e.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var part in DevelopmentParts(repositoryRoot).Where(p => p != leftOut))
        {
            foreach (var (label, text) in CorpusLines(EvalCorpus.Load(EvalCorpus.PathOf(repositoryRoot, part)), topics))
            {
                if (seen.Add(text))
                {
                    lines.Add((label, SentenceEmbedding.EmbedOnce(TextTokens.Respelled(text.Trim()))));
                }
            }
        }

        return lines;
    }

    /// <summary>The labelled answers of one part (see the class).</summary>
    public static IEnumerable<(string Label, string Text)> CorpusLines(EvalCorpus corpus, IReadOnlySet<string> topics)
    {
        foreach (var dialogue in corpus.Dialogues)
        {
            var expected = dialogue.Expected;
            if (expected.OptOut || expected.Interest is not (Interest.Interested or Interest.Neutral) || dialogue.Lines.Count < 3 || expected.Concerns.Count > 1)
            {
                continue;
            }

            var label = expected.Concerns.Count == 0 ? IntentExamples.None
                : topics.Contains(expected.Concerns[0]) ? expected.Concerns[0]
                : topics.FirstOrDefault(t => ConcernMatcher.Matches(t, expected.Concerns[0])) ?? ConcernClassifier.Other;
            yield return (label, dialogue.Lines[^2]);
            if (dialogue.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4)
            {
                yield return (IntentExamples.None, dialogue.Lines[0]);
            }
        }
    }
}
