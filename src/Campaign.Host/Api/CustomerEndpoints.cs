using System.Text.Json;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;
using Campaign.Grains.Customers.Import;
using Campaign.Host.OpenApi;
using Microsoft.Extensions.Options;

namespace Campaign.Host.Api;

internal static class CustomerEndpoints
{
    public const int MaxPageSize = 500;

    public static void MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapPost("/import", ImportAsync)
            .WithName("ImportCustomers")
            .AddOpenApiOperationTransformer(CustomerImportBody.TransformAsync)
            .Produces<CustomerImportResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Import customers from CSV or a JSON array; re-importing an id updates it.")
            .WithDescription("Body: text/csv, application/json (an array of customers) or a multipart/form-data file upload. See docs/customers-import.md.")
            .DisableAntiforgery();
        customers.MapGet("/{id}", GetAsync)
            .WithName("GetCustomer")
            .Produces<CustomerResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A customer's profile, issues, contact history and do-not-call status.");
        customers.MapGet("/", ListAsync)
            .WithName("ListCustomers")
            .Produces<CustomerListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Customers, optionally of a saved segment or criteria, paged.")
            .WithDescription("q finds customers by part of their id or name (any case) or at least three digits of their phone in any format; with other filters, those found that also match them.");
    }

    private static async Task<IResult> ImportAsync(HttpContext context, CustomerImporter importer, IOptions<ImportLimits> limits, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var maxBytes = limits.Value.MaxFileBytes;
        // Refused before a byte of the body is read.
        if (RequestBodyLimit.DeclaredTooLarge(context, maxBytes))
        {
            return TooLarge(maxBytes);
        }

        try
        {
            var (format, stream) = await OpenFileAsync(request, new UploadLimitStream(request.Body, maxBytes), cancellationToken);
            if (format is null)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported file type",
                    detail: "Send the customers as text/csv, application/json (an array) or a multipart/form-data file upload.");
            }

            await using (stream)
            {
                var result = format == "json"
                    ? await importer.ImportJsonAsync(stream!, cancellationToken)
                    : await importer.ImportCsvAsync(stream!, cancellationToken);
                return Results.Ok(result);
            }
        }
        catch (ImportFormatException ex)
        {
            return ApiProblems.BadRequest(ex.Message, ex.Field, ex.Line);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return ApiProblems.BadRequest($"the upload cannot be read: {ex.Message}", "file");
        }
    }

    private static async Task<(string? Format, Stream? Stream)> OpenFileAsync(HttpRequest request, Stream body, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType ?? "";
        if (request.HasFormContentType)
        {
            return await UploadedFile.OpenAsync(request, body, cancellationToken)
                ?? throw new ImportFormatException("the form has no file; attach the customer file as 'file'", "file");
        }

        if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ("json", body);
        }

        if (contentType.Contains("csv", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return ("csv", body);
        }

        return (null, null);
    }

    private static IResult TooLarge(long maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "File too large",
        detail: ImportLimits.TooLargeDetail(maxBytes),
        extensions: new Dictionary<string, object?> { ["field"] = "file" });

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains, CustomerLocator locator, BestTimes bestTimes, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICustomerGrain>(id).GetAsync() is not { } view)
        {
            return ApiProblems.NotFound($"customer '{id}' does not exist");
        }

        var place = locator.Locate(view.Profile);
        return Results.Ok(CustomerResponse.From(view, place, await bestTimes.ForAsync(view, place, cancellationToken)));
    }

    private static async Task<IResult> ListAsync(
        ICustomerDirectory directory,
        IGrainFactory grains,
        string? segment,
        string? criteria,
        string? area,
        string? tag,
        string? issueCategory,
        string? q,
        int? skip,
        int? take,
        CancellationToken cancellationToken)
    {
        var page = (Skip: skip ?? 0, Take: take ?? 50);
        if (page.Skip < 0)
        {
            return ApiProblems.BadRequest("skip must be 0 or more", "skip");
        }

        if (page.Take is < 1 or > MaxPageSize)
        {
            return ApiProblems.BadRequest($"take must be between 1 and {MaxPageSize}", "take");
        }

        var filters = new List<SegmentCriteria>();
        if (segment is not null)
        {
            var saved = await grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key).GetAsync(segment);
            if (saved is null)
            {
                return ApiProblems.BadRequest($"segment '{segment}' does not exist", "segment");
            }

            filters.Add(SegmentCriteriaParser.ParseStored(saved.CriteriaJson));
        }

        if (criteria is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(criteria);
                filters.Add(SegmentCriteriaParser.Parse(document.RootElement.Clone()));
            }
            catch (JsonException ex)
            {
                return ApiProblems.BadRequest($"criteria is not valid JSON: {ex.Message}", "criteria");
            }
            catch (SegmentCriteriaException ex)
            {
                return ApiProblems.BadRequest(ex.Message, ex.Path);
            }
        }

        if (!string.IsNullOrWhiteSpace(area))
        {
            filters.Add(new AreaCriteria([area.Trim()]));
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            filters.Add(new TagCriteria(tag.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(issueCategory))
        {
            filters.Add(new IssueCategoryCriteria(issueCategory.Trim(), null));
        }

        // Browsing shows everyone; a segment or criteria is an audience, which never holds do-not-call customers.
        var includeDoNotCall = segment is null && criteria is null;
        if (CustomerSearch.Parse(q) is { } search)
        {
            if (filters.Count == 0)
            {
                var found = await directory.SearchAsync(search, page.Skip, page.Take, cancellationToken);
                return Results.Ok(new CustomerListResponse(found.Total, page.Skip, page.Take, found.Items));
            }

            // Both read whole and joined by id: a search narrowed by filters costs what each costs alone.
            var matching = (await directory.QueryAsync(new AllCriteria(filters), 0, int.MaxValue, includeDoNotCall, cancellationToken)).Items
                .Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var both = (await directory.SearchAsync(search, 0, int.MaxValue, cancellationToken)).Items.Where(c => matching.Contains(c.Id)).ToList();
            return Results.Ok(new CustomerListResponse(both.Count, page.Skip, page.Take, both.Skip(page.Skip).Take(page.Take).ToList()));
        }

        var result = await directory.QueryAsync(new AllCriteria(filters), page.Skip, page.Take, includeDoNotCall, cancellationToken);
        return Results.Ok(new CustomerListResponse(result.Total, page.Skip, page.Take, result.Items));
    }
}
