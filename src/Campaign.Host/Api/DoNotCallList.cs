using Campaign.Abstractions.Customers;
using Campaign.Grains.Customers.Import;

namespace Campaign.Host.Api;

/// <summary>Reads a list of phone numbers, one per line (CSV: the first column), skipping blank lines and a header.</summary>
internal static class DoNotCallList
{
    public const string ImportReason = "imported list";

    public static async Task<(List<DoNotCallEntry> Entries, List<RejectedRow> Rejected)> ReadAsync(
        TextReader reader, PhoneNormalizer phones, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entries = new List<DoNotCallEntry>();
        var rejected = new List<RejectedRow>();
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            var raw = text.Split([',', ';', '\t'])[0].Trim().Trim('"');
            if (raw.Length == 0 || (line == 1 && !raw.Any(char.IsDigit)))
            {
                continue; // blank lines and a header such as "phone"
            }

            if (phones.TryNormalize(raw, out var phone, out var error))
            {
                entries.Add(new DoNotCallEntry(phone, ImportReason, source, now));
            }
            else
            {
                rejected.Add(new RejectedRow(line, error!));
            }
        }

        return (entries.DistinctBy(e => e.Phone).ToList(), rejected);
    }
}
