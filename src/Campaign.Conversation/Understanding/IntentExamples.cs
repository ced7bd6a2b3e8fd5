using System.Text;
using System.Text.Json;

namespace Campaign.Conversation.Understanding;

/// <summary>What an understanding example teaches: interest, follow-up, or whether a line voices a concern and which.</summary>
public enum IntentTask : byte
{
    /// <summary>interested, neutral, notInterested, or none (the line says nothing about the offer).</summary>
    Interest = 0,

    /// <summary>moreInfo, callback, or none.</summary>
    FollowUp = 1,

    /// <summary>A concern topic ("flickering lights"), or none (a courtesy, a time, a yes or no, a question about the call).</summary>
    Concern = 2,
}

/// <summary>A labelled caller line for one task and its sentence vector.</summary>
public sealed record IntentExample(IntentTask Task, string Label, string Text, float[] Vector);

/// <summary>
/// The labelled lines the semantic understanding layer compares with (<c>Understanding/Data/intent-examples.json</c>:
/// for each task, each label's lines, written for this project or taken from the development corpora, never from the
/// held-out one) and their sentence vectors (<c>intent-examples.vectors</c>, made from the lines by
/// <c>bench/Campaign.ConversationEval embed-examples</c>), both embedded in this assembly. The vectors file carries each
/// line with its task and label, so what is compared is exactly what was embedded; a test checks that it matches.
/// </summary>
public static class IntentExamples
{
    public const string LinesResource = "Campaign.Conversation.Understanding.Data.intent-examples.json";
    public const string VectorsResource = "Campaign.Conversation.Understanding.Data.intent-examples.vectors";

    /// <summary>The label of a line that says nothing for a task.</summary>
    public const string None = "none";

    private const string Magic = "intent-examples/minilm-l6-v2/half";

    private static readonly (string Property, IntentTask Task)[] Tasks =
        [("interest", IntentTask.Interest), ("followUp", IntentTask.FollowUp), ("concern", IntentTask.Concern)];

    /// <summary>The labelled lines, in file order.</summary>
    public static IReadOnlyList<(IntentTask Task, string Label, string Text)> ReadLines(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var lines = new List<(IntentTask, string, string)>();
        foreach (var (property, task) in Tasks)
        {
            foreach (var label in document.RootElement.GetProperty(property).EnumerateObject())
            {
                foreach (var line in label.Value.EnumerateArray())
                {
                    lines.Add((task, label.Name, line.GetString() ?? throw new InvalidDataException($"A null line under '{property}.{label.Name}'.")));
                }
            }
        }

        return lines;
    }

    /// <summary>The shipped labelled lines.</summary>
    public static IReadOnlyList<(IntentTask Task, string Label, string Text)> ShippedLines()
    {
        using var stream = Resource(LinesResource);
        return ReadLines(stream);
    }

    /// <summary>The shipped lines with their vectors.</summary>
    public static IReadOnlyList<IntentExample> Shipped()
    {
        using var stream = Resource(VectorsResource);
        return ReadVectors(stream);
    }

    public static void WriteVectors(Stream stream, IReadOnlyList<IntentExample> examples)
    {
        using var writer = ExampleVectorsFile.StartWriting(stream, Magic, examples.Count);
        foreach (var example in examples)
        {
            if (example.Vector.Length != SentenceEmbedding.Dimensions)
            {
                throw new ArgumentException($"'{example.Text}' has {example.Vector.Length} numbers, not {SentenceEmbedding.Dimensions}.", nameof(examples));
            }

            writer.Write((byte)example.Task);
            writer.Write(example.Label);
            writer.Write(example.Text);
            ExampleVectorsFile.WriteVector(writer, example.Vector);
        }
    }

    public static IReadOnlyList<IntentExample> ReadVectors(Stream stream)
    {
        using var reader = ExampleVectorsFile.StartReading(stream, Magic, "an intent example", out var count);
        var examples = new List<IntentExample>(count);
        for (var i = 0; i < count; i++)
        {
            var task = (IntentTask)reader.ReadByte();
            var label = reader.ReadString();
            var text = reader.ReadString();
            examples.Add(new IntentExample(task, label, text, ExampleVectorsFile.ReadVector(reader)));
        }

        return examples;
    }

    private static Stream Resource(string name) =>
        typeof(IntentExamples).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The resource {name} is missing from the build.");
}
