using System.ComponentModel.DataAnnotations;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Customers.Import;
using Campaign.Host.OpenApi;

namespace Campaign.Host.Api;

public sealed record DoNotCallRequest([property: Required] string? Phone, string? Reason);

public sealed record DoNotCallImportResponse(int Added, int AlreadyListed, IReadOnlyList<RejectedRow> Rejected);

internal static class DoNotCallEndpoints
{
    public const string ApiSource = "api";

    public static void MapDoNotCallEndpoints(this RouteGroupBuilder api)
    {
        var dnc = api.MapGroup("/dnc").WithTags("Do not call");
        dnc.MapGet("/", ListAsync)
            .WithName("ListDoNotCall")
            .Produces<IReadOnlyList<DoNotCallEntry>>()
            .WithSummary("The do-not-call list, newest first, paged (skip, take: 1–1000, default 100); the X-Total-Count header says how many match.")
            .WithDescription("q searches the list: at least three digits of a number in any format (\"415 555\"), or part of the source or reason, any case.");
        dnc.MapPost("/", AddAsync)
            .WithName("AddDoNotCall")
            .AddOpenApiOperationTransformer(DoNotCallBody.TransformAsync)
            .Produces<DoNotCallImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Add a number ({ phone, reason }) or a CSV/text list of numbers, one per line.");
        dnc.MapDelete("/{phone}", RemoveAsync)
            .WithName("RemoveDoNotCall")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Take a number off the do-not-call list.");
        dnc.MapGet("/history", HistoryAsync)
            .WithName("ListDoNotCallHistory")
            .Produces<IReadOnlyList<DoNotCallChange>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Every change to the do-not-call list (added, removed) with its time and source, newest first.");
    }

    public const string TotalHeader = "X-Total-Count";

    private static async Task<IResult> ListAsync(HttpResponse response, ICustomerDirectory directory, int? skip, int? take, string? q, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(take ?? 100, 1, 1000);
        var from = Math.Max(skip ?? 0, 0);
        if (CustomerSearch.Parse(q) is { } search)
        {
            var found = await directory.SearchDoNotCallAsync(search, from, size, cancellationToken);
            response.Headers[TotalHeader] = found.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(found.Items);
        }

        response.Headers[TotalHeader] = (await directory.CountDoNotCallAsync(cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Ok(await directory.ListDoNotCallAsync(from, size, cancellationToken));
    }

    private static async Task<IResult> HistoryAsync(ICustomerDirectory directory, PhoneNormalizer phones, string? phone, int? skip, int? take, CancellationToken cancellationToken)
    {
        string? normalized = null;
        if (!string.IsNullOrWhiteSpace(phone) && !phones.TryNormalize(phone, out normalized, out var error))
        {
            return ApiProblems.BadRequest(error!, "phone");
        }

        var size = Math.Clamp(take ?? 100, 1, 1000);
        return Results.Ok(await directory.ListDoNotCallChangesAsync(normalized, Math.Max(skip ?? 0, 0), size, cancellationToken));
    }

    /// <summary>A list is read whole before it is added in one write (all or nothing): 16 MB is about a million numbers.</summary>
    public const long MaxListBytes = 16 * 1024 * 1024;

    private static async Task<IResult> AddAsync(HttpRequest request, ICustomerDirectory directory, PhoneNormalizer phones, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (RequestBodyLimit.DeclaredTooLarge(request.HttpContext, MaxListBytes))
        {
            return ListTooLarge();
        }

        try
        {
            return await AddWithinLimitAsync(request, directory, phones, clock, cancellationToken);
        }
        catch (Exception ex) when (RequestBodyLimit.Unreadable(ex, ListTooLarge, "body") is { } unreadable)
        {
            return unreadable;
        }
    }

    private static IResult ListTooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "List too large",
        detail: $"A do-not-call list is at most {MaxListBytes / (1024 * 1024)} MB (about a million numbers); send a longer one in parts.",
        extensions: new Dictionary<string, object?> { ["field"] = "body" });

    private static async Task<IResult> AddWithinLimitAsync(HttpRequest request, ICustomerDirectory directory, PhoneNormalizer phones, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entries = new List<DoNotCallEntry>();
        var rejected = new List<RejectedRow>();
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            DoNotCallRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<DoNotCallRequest>(cancellationToken);
            }
            catch (System.Text.Json.JsonException ex)
            {
                return ApiProblems.BadRequest($"the body is not valid JSON: {ex.Message}", "body");
            }

            if (!phones.TryNormalize(body?.Phone, out var phone, out var error))
            {
                return ApiProblems.BadRequest(error!, "phone");
            }

            entries.Add(new DoNotCallEntry(phone, body!.Reason, ApiSource, now));
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            (entries, rejected) = await DoNotCallList.ReadAsync(reader, phones, ApiSource, now, cancellationToken);
            if (entries.Count == 0 && rejected.Count == 0)
            {
                return ApiProblems.BadRequest("the list is empty; send one phone number per line", "body");
            }
        }

        var distinct = entries.DistinctBy(e => e.Phone).ToList();
        var added = await directory.AddDoNotCallAsync(distinct, cancellationToken);
        return Results.Ok(new DoNotCallImportResponse(added, distinct.Count - added, rejected));
    }

    private static async Task<IResult> RemoveAsync(string phone, ICustomerDirectory directory, PhoneNormalizer phones, CancellationToken cancellationToken)
    {
        if (!phones.TryNormalize(phone, out var normalized, out var error))
        {
            return ApiProblems.BadRequest(error!, "phone");
        }

        return await directory.RemoveDoNotCallAsync(normalized, ApiSource, cancellationToken: cancellationToken)
            ? Results.NoContent()
            : ApiProblems.NotFound($"{normalized} is not on the do-not-call list");
    }
}
