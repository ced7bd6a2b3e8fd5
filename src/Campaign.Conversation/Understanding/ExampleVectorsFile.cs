using System.Text;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// The binary layout shared by the shipped example-vector files: a format name, the number of examples and of numbers
/// per vector, then per example its own fields (written by the caller) and its vector as half-precision numbers.
/// </summary>
internal static class ExampleVectorsFile
{
    public static BinaryWriter StartWriting(Stream stream, string format, int count)
    {
        var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(format);
        writer.Write(count);
        writer.Write(SentenceEmbedding.Dimensions);
        return writer;
    }

    /// <summary>Opens a file of <paramref name="format"/>; <paramref name="count"/> is its number of examples.</summary>
    public static BinaryReader StartReading(Stream stream, string format, string kind, out int count)
    {
        var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != format)
        {
            reader.Dispose();
            throw new InvalidDataException($"Not {kind} vectors file of this version.");
        }

        count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        if (dimensions != SentenceEmbedding.Dimensions || count < 0)
        {
            reader.Dispose();
            throw new InvalidDataException($"The vectors file has {dimensions} numbers per line, not {SentenceEmbedding.Dimensions}.");
        }

        return reader;
    }

    public static void WriteVector(BinaryWriter writer, float[] vector)
    {
        foreach (var value in vector)
        {
            writer.Write((Half)value);
        }
    }

    public static float[] ReadVector(BinaryReader reader)
    {
        var vector = new float[SentenceEmbedding.Dimensions];
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)reader.ReadHalf();
        }

        return vector;
    }
}
