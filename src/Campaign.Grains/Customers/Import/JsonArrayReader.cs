using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Campaign.Grains.Customers.Import;

/// <summary>
/// Reads the elements of a top-level JSON array from a stream one at a time, holding only the element being read.
/// Syntax errors anywhere, including after the last element, are reported with their line.
/// </summary>
internal static class JsonArrayReader
{
    public const int MaxElementBytes = 1024 * 1024;

    private enum Phase
    {
        BeforeArray,
        InArray,
        AfterArray,
        Done,
    }

    public static async IAsyncEnumerable<JsonDocument> ReadElementsAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var cursor = new Cursor();
        try
        {
            int start = 0, end = 0;
            var final = false;
            var elements = 0;
            while (cursor.Phase != Phase.Done)
            {
                var element = Step(buffer.AsSpan(start, end - start), final, ref cursor, out var consumed);
                start += consumed;
                if (element is not null)
                {
                    elements++;
                    yield return element;
                    continue;
                }

                if (consumed > 0 || cursor.Phase == Phase.Done)
                {
                    continue;
                }

                if (end - start >= MaxElementBytes)
                {
                    throw new ImportFormatException($"customer {elements + 1} is larger than {MaxElementBytes / (1024 * 1024)} MB", "file", elements + 1);
                }

                (buffer, start, end) = MakeRoom(buffer, start, end);
                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                end += read;
                final = read == 0;
                if (!cursor.BomChecked && (final || end - start >= 3))
                {
                    cursor.BomChecked = true;
                    start += buffer.AsSpan(start, end - start).StartsWith("\uFEFF"u8) ? 3 : 0;
                }
            }

            if (elements == 0)
            {
                throw new ImportFormatException("the array has no customers", "file");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (byte[] Buffer, int Start, int End) MakeRoom(byte[] buffer, int start, int end)
    {
        var length = end - start;
        var target = length * 2 > buffer.Length ? ArrayPool<byte>.Shared.Rent(buffer.Length * 2) : buffer;
        buffer.AsSpan(start, length).CopyTo(target);
        if (!ReferenceEquals(target, buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (target, 0, length);
    }

    /// <summary>Reads one step (the opening bracket, one whole element, or the end); consumes nothing when more data is needed.</summary>
    private static JsonDocument? Step(ReadOnlySpan<byte> data, bool final, ref Cursor cursor, out int consumed)
    {
        consumed = 0;
        if (!cursor.BomChecked && !final)
        {
            return null;
        }

        if (cursor.Phase == Phase.BeforeArray && final && data.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new ImportFormatException("the file is empty", "file");
        }

        try
        {
            var reader = new Utf8JsonReader(data, final, cursor.State);
            switch (cursor.Phase)
            {
                case Phase.BeforeArray:
                    if (!reader.Read())
                    {
                        return null;
                    }

                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new ImportFormatException("expected a JSON array of customers, e.g. [{ \"id\": \"C-1\", \"name\": \"…\", \"phone\": \"…\" }]", "file");
                    }

                    cursor.Phase = Phase.InArray;
                    break;
                case Phase.InArray:
                    var probe = reader;
                    if (!probe.Read() || !probe.TrySkip())
                    {
                        return null;
                    }

                    reader.Read();
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        cursor.Phase = Phase.AfterArray;
                        break;
                    }

                    var element = JsonDocument.ParseValue(ref reader);
                    Commit(ref reader, ref cursor, out consumed);
                    return element;
                case Phase.AfterArray:
                    if (reader.Read())
                    {
                        throw new JsonException("content after the array", null, 0, 0);
                    }

                    if (final)
                    {
                        cursor.Phase = Phase.Done;
                    }

                    break;
            }

            Commit(ref reader, ref cursor, out consumed);
            return null;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            throw new ImportFormatException($"the file is not valid JSON at line {line}, position {ex.BytePositionInLine + 1}", "file", line);
        }
    }

    private static void Commit(ref Utf8JsonReader reader, ref Cursor cursor, out int consumed)
    {
        consumed = (int)reader.BytesConsumed;
        cursor.State = reader.CurrentState;
    }

    private struct Cursor()
    {
        public JsonReaderState State = new(new JsonReaderOptions { MaxDepth = 16 });
        public Phase Phase = Phase.BeforeArray;
        public bool BomChecked;
    }
}
