using System.Text;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// A multinomial logistic regression over sentence vectors that reads which concern topic a line voices, trained on
/// the concern examples and the development dialogues' answers to "what worries you?" (never the held-out part), with
/// <see cref="IntentExamples.None"/> for lines that voice no concern and <see cref="Other"/> for concerns outside the
/// known topics. Where the nearest examples name a topic but are not near enough to be trusted alone, a confident
/// classifier that agrees lets the topic be named (<see cref="SemanticIntents"/>). The weights are shipped
/// (<c>concern-classifier.weights</c>, made by <c>bench/Campaign.ConversationEval train-concerns</c>).
/// </summary>
public sealed class ConcernClassifier
{
    public const string WeightsResource = "Campaign.Conversation.Understanding.Data.concern-classifier.weights";

    /// <summary>The label of a concern outside the known topics ("the hot tub trips out").</summary>
    public const string Other = "other";

    private const string Magic = "concern-classifier/minilm-l6-v2/logistic";

    private static readonly Lazy<ConcernClassifier> ShippedClassifier = new(() =>
    {
        using var stream = typeof(ConcernClassifier).Assembly.GetManifestResourceStream(WeightsResource)
            ?? throw new InvalidOperationException($"The resource {WeightsResource} is missing from the build.");
        return Read(stream);
    });

    private readonly string[] _labels;

    // Per label, its weights over the vector's numbers and then its bias.
    private readonly float[][] _weights;

    private ConcernClassifier(string[] labels, float[][] weights)
    {
        _labels = labels;
        _weights = weights;
    }

    /// <summary>The shipped classifier, one per process.</summary>
    public static ConcernClassifier Shipped => ShippedClassifier.Value;

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>
    /// Trains by full-batch gradient descent on the cross-entropy with a small L2 penalty, each label weighted by the
    /// inverse of its number of lines, so the many lines of no concern do not drown a topic of ten examples.
    /// </summary>
    public static ConcernClassifier Train(IReadOnlyList<(string Label, float[] Vector)> lines, int epochs = 300, double rate = 4.0, double l2 = 1e-4)
    {
        var labels = lines.Select(l => l.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("The classifier needs lines of at least two labels.", nameof(lines));
        }

        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var counts = new int[labels.Length];
        foreach (var line in lines)
        {
            counts[index[line.Label]]++;
        }

        var width = SentenceEmbedding.Dimensions + 1;
        var weights = labels.Select(_ => new float[width]).ToArray();
        var gradient = labels.Select(_ => new double[width]).ToArray();
        var probabilities = new double[labels.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var g in gradient)
            {
                Array.Clear(g);
            }

            foreach (var (label, vector) in lines)
            {
                Softmax(weights, vector, probabilities);
                var truth = index[label];
                var share = 1.0 / (counts[truth] * labels.Length);
                for (var k = 0; k < labels.Length; k++)
                {
                    var error = (probabilities[k] - (k == truth ? 1 : 0)) * share;
                    var g = gradient[k];
                    for (var d = 0; d < vector.Length; d++)
                    {
                        g[d] += error * vector[d];
                    }

                    g[^1] += error;
                }
            }

            for (var k = 0; k < labels.Length; k++)
            {
                for (var d = 0; d < width; d++)
                {
                    weights[k][d] -= (float)(rate * (gradient[k][d] + (d < width - 1 ? l2 * weights[k][d] : 0)));
                }
            }
        }

        return new ConcernClassifier(labels, weights);
    }

    /// <summary>How likely each label is for a line's unit vector.</summary>
    public IReadOnlyDictionary<string, double> Probabilities(float[] vector)
    {
        var probabilities = new double[_labels.Length];
        Softmax(_weights, vector, probabilities);
        return _labels.Select((l, i) => (l, p: probabilities[i])).ToDictionary(p => p.l, p => p.p, StringComparer.Ordinal);
    }

    /// <summary>The likeliest label for a line's unit vector and its probability.</summary>
    public (string Label, double Probability) Best(float[] vector)
    {
        Span<double> probabilities = stackalloc double[_labels.Length];
        Softmax(_weights, vector, probabilities);
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
        {
            if (probabilities[k] > probabilities[best])
            {
                best = k;
            }
        }

        return (_labels[best], probabilities[best]);
    }

    /// <summary>How likely <paramref name="label"/> is for a line's unit vector; 0 for a label the classifier does not know.</summary>
    public double Probability(float[] vector, string label)
    {
        var k = Array.IndexOf(_labels, label);
        if (k < 0)
        {
            return 0;
        }

        Span<double> probabilities = stackalloc double[_labels.Length];
        Softmax(_weights, vector, probabilities);
        return probabilities[k];
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(_labels.Length);
        writer.Write(SentenceEmbedding.Dimensions);
        for (var k = 0; k < _labels.Length; k++)
        {
            writer.Write(_labels[k]);
            foreach (var w in _weights[k])
            {
                writer.Write(w);
            }
        }
    }

    public static ConcernClassifier Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a concern classifier weights file of this version.");
        }

        var count = reader.ReadInt32();
        if (reader.ReadInt32() != SentenceEmbedding.Dimensions || count < 2)
        {
            throw new InvalidDataException($"The weights are not over {SentenceEmbedding.Dimensions} numbers or have under two labels.");
        }

        var labels = new string[count];
        var weights = new float[count][];
        for (var k = 0; k < count; k++)
        {
            labels[k] = reader.ReadString();
            weights[k] = new float[SentenceEmbedding.Dimensions + 1];
            for (var d = 0; d < weights[k].Length; d++)
            {
                weights[k][d] = reader.ReadSingle();
            }
        }

        return new ConcernClassifier(labels, weights);
    }

    private static void Softmax(float[][] weights, float[] vector, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        for (var k = 0; k < weights.Length; k++)
        {
            var w = weights[k];
            double logit = w[^1];
            for (var d = 0; d < vector.Length; d++)
            {
                logit += w[d] * vector[d];
            }

            probabilities[k] = logit;
            max = Math.Max(max, logit);
        }

        var sum = 0.0;
        for (var k = 0; k < weights.Length; k++)
        {
            probabilities[k] = Math.Exp(probabilities[k] - max);
            sum += probabilities[k];
        }

        for (var k = 0; k < weights.Length; k++)
        {
            probabilities[k] /= sum;
        }
    }
}
