using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Campaign.Grains.Customers.Import;

/// <summary>
/// The ids seen so far in one file and the line of each, kept as 128-bit digests rather than strings: about 40 bytes
/// per id, so a million-row file needs some 40 MB. Two different ids sharing a digest is not a practical concern
/// (below 1 in 10^26 for a million ids). The digests are spread over many small tables so that growing one copies
/// a small table, never all of them at once.
/// </summary>
internal sealed class ImportedIds
{
    private const int Parts = 256;
    private readonly Dictionary<Digest, int>[] _firstLine = new Dictionary<Digest, int>[Parts];

    /// <summary>Records <paramref name="id"/> at <paramref name="line"/>, or answers the line it was first seen on.</summary>
    public bool TryAdd(string id, int line, out int firstLine)
    {
        var count = Encoding.UTF8.GetByteCount(id);
        Span<byte> utf8 = count <= 512 ? stackalloc byte[512] : new byte[count];
        Encoding.UTF8.GetBytes(id, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..count], hash);
        var digest = new Digest(BinaryPrimitives.ReadUInt64LittleEndian(hash), BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]));
        var part = _firstLine[hash[16]] ??= [];
        if (part.TryGetValue(digest, out firstLine))
        {
            return false;
        }

        part.Add(digest, line);
        firstLine = line;
        return true;
    }

    // Two 8-byte halves rather than one 16-byte integer, which would be aligned to 16 bytes and pad every table entry.
    private readonly record struct Digest(ulong High, ulong Low);
}
