using System.Text;
using System.Text.Json;

namespace Campaign.Conversation.Understanding;

/// <summary>What a labelled example line is.</summary>
public enum OptOutExampleLabel : byte
{
    /// <summary>Not a request to stop calling ("call me back after lunch", "remove the old meter").</summary>
    Other = 0,

    /// <summary>Asks never to be called again.</summary>
    OptOut = 1,

    /// <summary>May mean it ("why do you keep calling me?"): the agent asks.</summary>
    Possible = 2,
}

/// <summary>A labelled caller line and its sentence vector.</summary>
public sealed record OptOutExample(string Text, OptOutExampleLabel Label, float[] Vector);

/// <summary>
/// The labelled example lines the semantic opt-out layer compares with (<c>Understanding/Data/optout-examples.json</c>,
/// written for this project or taken from the development corpora) and their sentence vectors
/// (<c>optout-examples.vectors</c>, made from the lines by <c>bench/Campaign.OptOutBench embed-examples</c>), both
/// embedded in this assembly. The vectors file carries each line and label with its vector, so what is compared is
/// exactly what was embedded; a test checks that it matches the lines.
/// </summary>
public static class OptOutExamples
{
    public const string LinesResource = "Campaign.Conversation.Understanding.Data.optout-examples.json";
    public const string VectorsResource = "Campaign.Conversation.Understanding.Data.optout-examples.vectors";

    private const string Magic = "optout-examples/minilm-l6-v2/half";

    /// <summary>The labelled lines, in file order.</summary>
    public static IReadOnlyList<(string Text, OptOutExampleLabel Label)> ReadLines(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var lines = new List<(string, OptOutExampleLabel)>();
        foreach (var (property, label) in new[] { ("optOut", OptOutExampleLabel.OptOut), ("possible", OptOutExampleLabel.Possible), ("other", OptOutExampleLabel.Other) })
        {
            foreach (var line in root.GetProperty(property).EnumerateArray())
            {
                lines.Add((line.GetString() ?? throw new InvalidDataException($"A null line under '{property}'."), label));
            }
        }

        return lines;
    }

    /// <summary>The shipped labelled lines.</summary>
    public static IReadOnlyList<(string Text, OptOutExampleLabel Label)> ShippedLines()
    {
        using var stream = Resource(LinesResource);
        return ReadLines(stream);
    }

    /// <summary>The shipped lines with their vectors.</summary>
    public static IReadOnlyList<OptOutExample> Shipped()
    {
        using var stream = Resource(VectorsResource);
        return ReadVectors(stream);
    }

    public static void WriteVectors(Stream stream, IReadOnlyList<OptOutExample> examples)
    {
        using var writer = ExampleVectorsFile.StartWriting(stream, Magic, examples.Count);
        foreach (var example in examples)
        {
            if (example.Vector.Length != SentenceEmbedding.Dimensions)
            {
                throw new ArgumentException($"'{example.Text}' has {example.Vector.Length} numbers, not {SentenceEmbedding.Dimensions}.", nameof(examples));
            }

            writer.Write((byte)example.Label);
            writer.Write(example.Text);
            ExampleVectorsFile.WriteVector(writer, example.Vector);
        }
    }

    public static IReadOnlyList<OptOutExample> ReadVectors(Stream stream)
    {
        using var reader = ExampleVectorsFile.StartReading(stream, Magic, "an opt-out example", out var count);
        var examples = new List<OptOutExample>(count);
        for (var i = 0; i < count; i++)
        {
            var label = (OptOutExampleLabel)reader.ReadByte();
            var text = reader.ReadString();
            examples.Add(new OptOutExample(text, label, ExampleVectorsFile.ReadVector(reader)));
        }

        return examples;
    }

    private static Stream Resource(string name) =>
        typeof(OptOutExamples).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The resource {name} is missing from the build.");
}
