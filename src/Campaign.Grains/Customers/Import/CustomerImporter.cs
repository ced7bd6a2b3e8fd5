using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Customers.Import;

/// <summary>
/// Imports a customer file: every row is read and validated before anything is written, so a file that cannot be
/// read changes nothing; good rows are then written in batches, each customer whole, and bad rows are reported by line.
/// </summary>
public sealed class CustomerImporter(ICustomerDirectory directory, CustomerValidator validator, Compliance.CustomerLocator? locator = null)
{
    public const int MaxListedRejections = 1000;
    private const int BatchSize = 2000;

    public async Task<CustomerImportResult> ImportCsvAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await ImportAsync(await CsvCustomerReader.ReadAsync(stream, cancellationToken), cancellationToken);

    public async Task<CustomerImportResult> ImportJsonAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await ImportAsync(await JsonCustomerReader.ReadAsync(stream, cancellationToken), cancellationToken);

    public async Task<CustomerImportResult> ImportAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken = default)
    {
        var accepted = new List<CustomerProfile>(rows.Count);
        var firstLineById = new Dictionary<string, int>(StringComparer.Ordinal);
        var rejected = new List<RejectedRow>();
        var rejectedTotal = 0;
        void Reject(int line, string reason)
        {
            rejectedTotal++;
            if (rejected.Count < MaxListedRejections)
            {
                rejected.Add(new RejectedRow(line, reason));
            }
        }

        var flagged = new List<RejectedRow>();
        var flaggedTotal = 0;
        foreach (var row in rows)
        {
            if (row.Input is null)
            {
                Reject(row.Line, row.Error ?? "the row cannot be read");
                continue;
            }

            if (!validator.TryValidate(row.Input, out var profile, out var error))
            {
                Reject(row.Line, error!);
                continue;
            }

            if (!firstLineById.TryAdd(profile!.Id, row.Line))
            {
                Reject(row.Line, $"duplicate id '{profile.Id}' (already on line {firstLineById[profile.Id]})");
                continue;
            }

            accepted.Add(profile);
            if (locator is not null && !locator.Locate(profile).IsKnown && flaggedTotal++ < MaxListedRejections)
            {
                flagged.Add(new RejectedRow(row.Line, $"imported, but its time zone cannot be known (no timeZone, the phone number {profile.Phone} maps to none, no zone configured for area '{profile.Area ?? ""}'): it will not be called until one is"));
            }
        }

        int inserted = 0, updated = 0;
        foreach (var batch in accepted.Chunk(BatchSize))
        {
            var counts = await directory.UpsertAsync(batch, cancellationToken);
            inserted += counts.Inserted;
            updated += counts.Updated;
        }

        return new CustomerImportResult(inserted, updated, rejected, rejectedTotal, flagged, flaggedTotal);
    }
}
