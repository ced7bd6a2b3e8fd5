using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Campaign.Grains.Customers.Import;

/// <summary>
/// The ids seen so far in one file and the line of each, kept as 128-bit digests rather than strings so a file of a
/// million rows needs tens of megabytes, not hundreds. Two different ids sharing a digest is not a practical concern
/// (below 1 in 10^26 for a million ids).
/// </summary>
internal sealed class ImportedIds
{
    private readonly Dictionary<UInt128, int> _firstLine = [];

    /// <summary>Records <paramref name="id"/> at <paramref name="line"/>, or answers the line it was first seen on.</summary>
    public bool TryAdd(string id, int line, out int firstLine)
    {
        var count = Encoding.UTF8.GetByteCount(id);
        Span<byte> utf8 = count <= 512 ? stackalloc byte[512] : new byte[count];
        Encoding.UTF8.GetBytes(id, utf8);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..count], digest);
        var key = BinaryPrimitives.ReadUInt128LittleEndian(digest);
        if (_firstLine.TryGetValue(key, out firstLine))
        {
            return false;
        }

        _firstLine.Add(key, line);
        firstLine = line;
        return true;
    }
}
