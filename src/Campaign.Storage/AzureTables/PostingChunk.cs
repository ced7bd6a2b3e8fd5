using System.Buffers.Binary;
using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// One row of the customer index: the customers of one block of <see cref="Size"/> numbers that hold one key, as
/// offsets into the block (2 bytes each) and, for keys with a value, one 8-byte value per customer. A full block is
/// 8 KB of offsets and 32 KB of values, within the Table service's 64 KB per binary property.
/// </summary>
internal sealed class PostingChunk
{
    public const int Size = 4096;
    private readonly SortedDictionary<ushort, long> _entries = [];

    public int Count => _entries.Count;

    public static string RowKey(long chunk) => chunk.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    public static long ChunkOf(long number) => number / Size;

    public static PostingChunk Read(TableEntity row)
    {
        var chunk = new PostingChunk();
        Decode(row, (offset, value) => chunk._entries[offset] = value);
        return chunk;
    }

    /// <summary>Calls <paramref name="found"/> with each offset and value of the row, without building a chunk.</summary>
    public static void Decode(TableEntity row, Action<ushort, long> found)
    {
        var offsets = row.GetBinary("Offsets") ?? [];
        var values = row.GetBinary("Values");
        for (var i = 0; i < offsets.Length / 2; i++)
        {
            var value = values is null ? 0 : BinaryPrimitives.ReadInt64LittleEndian(values.AsSpan(i * 8));
            found(BinaryPrimitives.ReadUInt16LittleEndian(offsets.AsSpan(i * 2)), value);
        }
    }

    /// <summary>Applies the changes of customers in this block; false when they change nothing.</summary>
    public bool Apply(IEnumerable<PostingChange> changes)
    {
        var changed = false;
        foreach (var change in changes)
        {
            var offset = (ushort)(change.Number % Size);
            if (change.Entry is { } entry)
            {
                if (!_entries.TryGetValue(offset, out var value) || value != entry.Value)
                {
                    _entries[offset] = entry.Value;
                    changed = true;
                }
            }
            else
            {
                changed |= _entries.Remove(offset);
            }
        }

        return changed;
    }

    public TableEntity ToEntity(string key, long chunk, string label)
    {
        var offsets = new byte[_entries.Count * 2];
        var values = new byte[_entries.Count * 8];
        var valued = false;
        var i = 0;
        foreach (var (offset, value) in _entries)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(offsets.AsSpan(i * 2), offset);
            BinaryPrimitives.WriteInt64LittleEndian(values.AsSpan(i * 8), value);
            valued |= value != 0;
            i++;
        }

        var entity = new TableEntity(key, RowKey(chunk)) { ["Offsets"] = offsets, ["Label"] = label };
        if (valued)
        {
            entity["Values"] = values;
        }

        return entity;
    }
}

/// <summary>A customer (by number) joins a key with an entry, or leaves it (<see cref="Entry"/> null).</summary>
internal readonly record struct PostingChange(string Key, long Number, PostingEntry? Entry);
