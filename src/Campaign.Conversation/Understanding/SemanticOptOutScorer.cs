using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// The semantic opt-out layer: compares a line with labelled example lines by meaning (sentence vectors of the local
/// MiniLM model, <see cref="SentenceEmbedding"/>). A line scores the mean similarity of its <see cref="Neighbours"/>
/// nearest opt-out and possible opt-out examples less that of its nearest other examples, less <see cref="Margin"/>; the
/// whole line and each of its clauses that may concern calls are scored, and the best counts, since a request often
/// hides in one clause of a long answer. Raw similarity alone separates badly ("stop calling me" is about as near "sure,
/// tell me more" as another opt-out), the contrast with labelled neighbours does not.
/// </summary>
public sealed partial class SemanticOptOutScorer : IOptOutScorer
{
    /// <summary>How many nearest examples of each side are averaged.</summary>
    public const int Neighbours = 5;

    /// <summary>
    /// How much nearer the opt-out examples a line must be to count. Chosen on the development lines and lines written
    /// for the purpose, held out from the examples in turn: every opt-out the rules missed there scored above it.
    /// </summary>
    public const double Margin = 0.04;

    private const int MaxSegments = 8;
    private const int MaxCached = 50_000;

    private static readonly Lazy<SemanticOptOutScorer> SharedScorer = new(() => new SemanticOptOutScorer(OptOutExamples.Shipped()));

    private readonly float[] _optOuts;
    private readonly float[] _others;
    private readonly ConcurrentDictionary<string, double> _cache = new(StringComparer.Ordinal);

    /// <summary>A scorer over the given examples (the shipped ones are <see cref="Shared"/>).</summary>
    public SemanticOptOutScorer(IEnumerable<OptOutExample> examples)
    {
        var list = examples.ToList();
        _optOuts = Rows(list.Where(e => e.Label != OptOutExampleLabel.Other));
        _others = Rows(list.Where(e => e.Label == OptOutExampleLabel.Other));
        if (_optOuts.Length < Neighbours * SentenceEmbedding.Dimensions || _others.Length < Neighbours * SentenceEmbedding.Dimensions)
        {
            throw new ArgumentException($"At least {Neighbours} examples of each side are needed.", nameof(examples));
        }
    }

    /// <summary>The scorer over the shipped examples, one per process; the model itself loads on the first line scored.</summary>
    public static SemanticOptOutScorer Shared => SharedScorer.Value;

    /// <summary>Loads the model and the examples in the background, so the first line of the first call does not wait.</summary>
    public static Task WarmUpAsync() => Task.Run(() => Shared.Score("Please stop calling me."));

    public double Score(string line)
    {
        var best = double.NegativeInfinity;
        foreach (var segment in Segments(line))
        {
            best = Math.Max(best, Contrast(segment));
        }

        return best - Margin;
    }

    /// <summary>The whole line, then its sentences and clauses that may concern calls ("..., so please just take my number off").</summary>
    public static IReadOnlyList<string> Segments(string line)
    {
        var whole = line.Trim();
        var segments = new List<string> { whole };
        var clauses = ClauseBreak().Split(whole).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (clauses.Count < 2)
        {
            return segments;
        }

        foreach (var clause in clauses)
        {
            if (segments.Count == MaxSegments)
            {
                break;
            }

            if (clause.Contains(' ', StringComparison.Ordinal) && !segments.Contains(clause) && OptOutDetector.MayConcernCalls(clause))
            {
                segments.Add(clause);
            }
        }

        return segments;
    }

    /// <summary>Mean similarity to the nearest opt-out examples less mean similarity to the nearest others.</summary>
    private double Contrast(string segment)
    {
        if (_cache.TryGetValue(segment, out var cached))
        {
            return cached;
        }

        var vector = SentenceEmbedding.EmbedOnce(segment);
        var contrast = MeanOfNearest(_optOuts, vector, Neighbours) - MeanOfNearest(_others, vector, Neighbours);
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache[segment] = contrast;
        return contrast;
    }

    // Compiled optimised at once: the first lines of a process are not scored by slow first-tier code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double MeanOfNearest(float[] rows, float[] vector, int neighbours)
    {
        var count = Math.Min(neighbours, rows.Length / SentenceEmbedding.Dimensions);
        Span<float> nearest = stackalloc float[count];
        nearest.Fill(float.NegativeInfinity);
        for (var offset = 0; offset < rows.Length; offset += SentenceEmbedding.Dimensions)
        {
            var similarity = Dot(rows.AsSpan(offset, SentenceEmbedding.Dimensions), vector);
            if (similarity <= nearest[^1])
            {
                continue;
            }

            // Keep the nearest in descending order.
            var at = count - 1;
            while (at > 0 && nearest[at - 1] < similarity)
            {
                nearest[at] = nearest[at - 1];
                at--;
            }

            nearest[at] = similarity;
        }

        var sum = 0.0;
        foreach (var similarity in nearest)
        {
            sum += similarity;
        }

        return sum / count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private static float[] Rows(IEnumerable<OptOutExample> examples) => examples.SelectMany(e => e.Vector).ToArray();

    // Sentences, and clauses a request often starts ("..., so please just take my number off", "... but don't ring again").
    [GeneratedRegex(@"(?<=[.!?;])\s+|\s*(?:,|\u2014|--)\s*(?=(?:but|and|so|just|please|i|i'd|i'm|you|we|don't|do|stop|take|remove|never)\b)|\s+\b(?:but|and then|and also)\b\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();
}
