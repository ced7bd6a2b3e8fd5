using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telemetry;

namespace Campaign.Grains.Customers.Import;

/// <summary>
/// Imports a customer file in two passes. The first reads it row by row, validates each row and stages the good ones
/// in a temporary file; a file that cannot be read stops it, and nothing has been written. The second writes the
/// staged customers in batches (of the directory's <see cref="ICustomerDirectory.ImportBatchSize"/>), each customer whole. Bad rows are reported by line. Memory stays flat whatever the
/// size of the file: one row, one batch and a digest per id are held at a time.
/// </summary>
public sealed class CustomerImporter(ICustomerDirectory directory, CustomerValidator validator, Compliance.CustomerLocator? locator = null)
{
    public const int MaxListedRejections = 1000;

    /// <summary>How often (in rows read) an <see cref="ImportObserver"/> hears of the first pass.</summary>
    public const int ProgressEvery = 2000;

    public Task<CustomerImportResult> ImportCsvAsync(Stream stream, CancellationToken cancellationToken = default) =>
        ImportCsvAsync(stream, null, cancellationToken);

    public Task<CustomerImportResult> ImportCsvAsync(Stream stream, ImportObserver? observer, CancellationToken cancellationToken = default) =>
        ImportAsync(CsvCustomerReader.ReadRowsAsync(stream, cancellationToken), observer, cancellationToken);

    public Task<CustomerImportResult> ImportJsonAsync(Stream stream, CancellationToken cancellationToken = default) =>
        ImportJsonAsync(stream, null, cancellationToken);

    public Task<CustomerImportResult> ImportJsonAsync(Stream stream, ImportObserver? observer, CancellationToken cancellationToken = default) =>
        ImportAsync(JsonCustomerReader.ReadRowsAsync(stream, cancellationToken), observer, cancellationToken);

    public Task<CustomerImportResult> ImportAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken = default) =>
        ImportAsync(rows.ToAsyncEnumerable(), cancellationToken);

    public Task<CustomerImportResult> ImportAsync(IAsyncEnumerable<ImportRow> rows, CancellationToken cancellationToken = default) =>
        ImportAsync(rows, null, cancellationToken);

    public async Task<CustomerImportResult> ImportAsync(IAsyncEnumerable<ImportRow> rows, ImportObserver? observer, CancellationToken cancellationToken = default)
    {
        await using var staged = new StagedCustomers();
        var report = await StageAsync(rows, staged, observer, cancellationToken);

        int inserted = 0, updated = 0;
        if (observer is not null)
        {
            await observer.StagedAsync(staged.Count, cancellationToken);
        }

        await foreach (var batch in staged.ReadBatchesAsync(directory.ImportBatchSize, cancellationToken))
        {
            var counts = await directory.UpsertAsync(batch, cancellationToken);
            inserted += counts.Inserted;
            updated += counts.Updated;
            if (observer is not null)
            {
                await observer.WrittenAsync(inserted + updated, staged.Count, cancellationToken);
            }
        }

        var result = report.Result(inserted, updated);
        CampaignTelemetry.ImportRows.Add(inserted, new KeyValuePair<string, object?>("outcome", "inserted"));
        CampaignTelemetry.ImportRows.Add(updated, new KeyValuePair<string, object?>("outcome", "updated"));
        CampaignTelemetry.ImportRows.Add(result.RejectedTotal, new KeyValuePair<string, object?>("outcome", "rejected"));
        return result;
    }

    // A method of its own so the id digests (tens of MB for a million rows) can be collected before the write pass:
    // an async method's locals live as long as the whole method.
    private async Task<ImportReport> StageAsync(IAsyncEnumerable<ImportRow> rows, StagedCustomers staged, ImportObserver? observer, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        var ids = new ImportedIds();
        var read = 0;
        void Reject(int line, string? id, string? name, string reason)
        {
            report.Reject(line, reason);
            observer?.Rejected(line, id, name, reason);
        }

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (observer is not null && ++read % ProgressEvery == 0)
            {
                await observer.ReadAsync(read, cancellationToken);
            }

            if (row.Input is null)
            {
                Reject(row.Line, null, null, row.Error ?? "the row cannot be read");
                continue;
            }

            if (!validator.TryValidate(row.Input, out var profile, out var error))
            {
                Reject(row.Line, row.Input.Id, row.Input.Name, error!);
                continue;
            }

            if (!ids.TryAdd(profile!.Id, row.Line, out var firstLine))
            {
                Reject(row.Line, profile.Id, profile.Name, $"duplicate id '{profile.Id}' (already on line {firstLine})");
                continue;
            }

            await staged.AddAsync(profile, cancellationToken);
            if (locator is not null && !locator.Locate(profile).IsKnown)
            {
                report.Flag(row.Line, $"imported, but its time zone cannot be known (no timeZone, the phone number {profile.Phone} maps to none, no zone configured for area '{profile.Area ?? ""}'): it will not be called until one is");
            }
        }

        return report;
    }
}
