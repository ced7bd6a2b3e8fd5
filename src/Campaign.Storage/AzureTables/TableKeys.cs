using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Building blocks of partition and row keys: escaping of free text, fixed-width numbers that sort as text, prefix
/// ranges, and the stable hash that spreads customers over partitions.
/// </summary>
internal static class TableKeys
{
    /// <summary>Separates the parts of a key. Escaped inside parts, so a part never contains it.</summary>
    public const char Separator = '|';

    private const int MaxPartLength = 200;

    /// <summary>
    /// A key part for any text: characters the Table service forbids in keys (<c>/ \ # ?</c>, control characters), the
    /// separator and <c>%</c> are percent-escaped; long text is replaced by its SHA-256 so keys stay under 1 KiB.
    /// </summary>
    public static string Part(string value)
    {
        var escaped = Escape(value);
        return escaped.Length <= MaxPartLength ? escaped : "%h" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    /// <summary>A key part that reads back whole with <see cref="Unescape"/>: for ids, which are short.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>A key part for text compared without regard to case, as the embedded store's NOCASE columns do.</summary>
    public static string FoldedPart(string value) => Part(value.ToLowerInvariant());

    /// <summary>The original text of a part written by <see cref="Escape"/>.</summary>
    public static string Unescape(string part)
    {
        if (!part.Contains('%', StringComparison.Ordinal))
        {
            return part;
        }

        var text = new StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '%' && i + 2 < part.Length)
            {
                text.Append((char)int.Parse(part.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                text.Append(part[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>The last part of a row key: the customer id of an index row.</summary>
    public static string LastPart(string rowKey) => Unescape(rowKey[(rowKey.LastIndexOf(Separator) + 1)..]);

    /// <summary>Unix seconds, zero-padded so that text order is time order; times before 1970 count as 1970.</summary>
    public static string Seconds(DateTimeOffset at) => Math.Max(0, at.ToUnixTimeSeconds()).ToString("D12", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("D19", CultureInfo.InvariantCulture);

    public static string Join(params string[] parts) => string.Join(Separator, parts);

    /// <summary>The smallest key greater than every key that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>A filter for the row keys of one partition that start with <paramref name="prefix"/>.</summary>
    public static string PrefixFilter(string partitionKey, string prefix) =>
        RangeFilter(partitionKey, prefix, PrefixEnd(prefix));

    /// <summary>A filter for the row keys of every partition that start with <paramref name="prefix"/>.</summary>
    public static string PrefixFilter(string prefix) =>
        Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");

    /// <summary>A filter for the row keys of one partition in [from, to).</summary>
    public static string RangeFilter(string partitionKey, string from, string to) =>
        Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}");

    /// <summary>FNV-1a over the UTF-8 bytes: stable across processes and versions, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static ulong StableHash(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
