using System.Text;
using System.Text.Json;
using Campaign.Grains.Customers.Import;
using Campaign.Host.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Campaign.Host.Ui;

/// <summary>A rejected import row as the customers page shows it: line, the id and name written in the file, and why.</summary>
public sealed record ImportRejection(int Line, string? Id, string? Name, string Reason);

/// <summary>What an import from the customers page did: the API's counts, with id and name for each listed rejection.</summary>
public sealed record ImportOutcome(int Imported, int Updated, int RejectedTotal, IReadOnlyList<ImportRejection> Rejected, int FlaggedTotal, IReadOnlyList<RejectedRow> Flagged)
{
    public static ImportOutcome From(CustomerImportResult result, IReadOnlyList<ImportRejection> rejected) =>
        new(result.Imported, result.Updated, result.RejectedTotal, rejected, result.FlaggedTotal, result.Flagged ?? []);

    public string Summary => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Imported {Imported:N0}, updated {Updated:N0}, rejected {RejectedTotal:N0}.");
}

/// <summary>Keeps the first <see cref="CustomerImporter.MaxListedRejections"/> rejected rows, like the API's listing, with their id and name.</summary>
internal class RejectionListing : ImportObserver
{
    private readonly List<ImportRejection> _rows = [];

    public IReadOnlyList<ImportRejection> Rows => _rows;

    public override void Rejected(int line, string? id, string? name, string reason)
    {
        if (_rows.Count < CustomerImporter.MaxListedRejections)
        {
            _rows.Add(new ImportRejection(line, Blank(id), Blank(name), reason));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Rejected rows as CSV (<c>line,id,name,reason</c>), made from an import's result as it is downloaded; nothing is kept.</summary>
public static class RejectedRowsCsv
{
    public const string FileName = "rejected-rows.csv";

    public static string Write(IEnumerable<ImportRejection> rows)
    {
        var csv = new StringBuilder();
        CsvText.AppendRow(csv, ["line", "id", "name", "reason"]);
        foreach (var row in rows)
        {
            CsvText.AppendRow(csv, [row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Id, row.Name, row.Reason]);
        }

        return csv.ToString();
    }

    /// <summary>The rows as the page hands them back (the JSON of <see cref="ImportRejection"/>s); an unreadable value gives none.</summary>
    public static IReadOnlyList<ImportRejection> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<ImportRejection>>(json, CustomerImportStream.Json)?.Take(CustomerImporter.MaxListedRejections).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

/// <summary>
/// <c>POST /ui/customers/import</c>: the customers page's import, as the API's (same file limit, same streaming
/// reader, same importer) but answering with newline-delimited JSON progress events while it runs: <c>reading</c>
/// (rows read so far, every 2,000), <c>writing</c> (customers written of those to write, after each batch of 2,000),
/// then <c>done</c> (the counts, and the rejected rows with line, id, name and reason) or <c>failed</c> (the problem the
/// API would have answered). A fault found before the first event is answered as the API's problem+json.
/// </summary>
internal static class CustomerImportStream
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task HandleAsync(HttpContext context, CustomerImporter importer, IOptions<ImportLimits> limits, IAntiforgery antiforgery)
    {
        var cancellationToken = context.RequestAborted;
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The page's antiforgery token is missing or wrong; reload the page.").ExecuteAsync(context);
            return;
        }

        var maxBytes = limits.Value.MaxFileBytes;
        var events = new ProgressEvents(context.Response);
        try
        {
            if (RequestBodyLimit.DeclaredTooLarge(context, maxBytes))
            {
                throw new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge);
            }

            var opened = context.Request.HasFormContentType
                ? await UploadedFile.OpenAsync(context.Request, new UploadLimitStream(context.Request.Body, maxBytes), cancellationToken)
                : null;
            if (opened is not ({ } format, { } stream))
            {
                throw new ImportFormatException("the form has no file; choose the customer file to import", "file");
            }

            await using (stream)
            {
                var result = format == "json"
                    ? await importer.ImportJsonAsync(stream, events, cancellationToken)
                    : await importer.ImportCsvAsync(stream, events, cancellationToken);
                await events.SendAsync(new { phase = "done", outcome = ImportOutcome.From(result, events.Rows) }, cancellationToken);
            }
        }
        catch (ImportFormatException ex)
        {
            await events.FailAsync(StatusCodes.Status400BadRequest, "Invalid request", ex.Message, ex.Field, ex.Line, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await events.FailAsync(
                StatusCodes.Status413PayloadTooLarge,
                "File too large",
                ImportLimits.TooLargeDetail(maxBytes),
                "file",
                null,
                cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            await events.FailAsync(StatusCodes.Status400BadRequest, "Invalid request", $"the upload cannot be read: {ex.Message}", "file", null, cancellationToken);
        }
    }

    /// <summary>Writes each event as one JSON line, flushed at once; the response starts with the first event.</summary>
    private sealed class ProgressEvents(HttpResponse response) : RejectionListing
    {
        public override ValueTask ReadAsync(int rows, CancellationToken cancellationToken) =>
            new(SendAsync(new { phase = "reading", rows }, cancellationToken));

        public override ValueTask StagedAsync(int toWrite, CancellationToken cancellationToken) =>
            new(SendAsync(new { phase = "writing", written = 0, toWrite }, cancellationToken));

        public override ValueTask WrittenAsync(int written, int toWrite, CancellationToken cancellationToken) =>
            new(SendAsync(new { phase = "writing", written, toWrite }, cancellationToken));

        public async Task SendAsync(object message, CancellationToken cancellationToken)
        {
            if (!response.HasStarted)
            {
                response.ContentType = "application/x-ndjson; charset=utf-8";
                response.Headers.CacheControl = "no-cache";
                response.Headers["X-Accel-Buffering"] = "no";
            }

            await response.WriteAsync(JsonSerializer.Serialize(message, Json) + "\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }

        public async Task FailAsync(int status, string title, string detail, string? field, int? line, CancellationToken cancellationToken)
        {
            if (!response.HasStarted)
            {
                var extensions = new Dictionary<string, object?> { ["field"] = field };
                if (line is not null)
                {
                    extensions["line"] = line;
                }

                await Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions).ExecuteAsync(response.HttpContext);
                return;
            }

            await SendAsync(new { phase = "failed", status, title, detail, field, line }, cancellationToken);
        }
    }
}
