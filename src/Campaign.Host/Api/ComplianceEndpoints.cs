using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Customers;

namespace Campaign.Host.Api;

/// <summary>Consent records of a customer, and the dial decisions by customer and by campaign (docs/compliance.md).</summary>
internal static class ComplianceEndpoints
{
    public const int MaxPageSize = 500;

    public static void MapComplianceEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapPost("/{id}/consent", AddConsentAsync)
            .Accepts<ConsentRequest>("application/json")
            .Produces<ConsentResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record a consent the customer gave (express or expressWritten, with its date, scope and source).");
        customers.MapPost("/{id}/consent/revoke", RevokeConsentAsync)
            .Accepts<ConsentRevokeRequest>("application/json")
            .Produces<ConsentResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke the customer's consent now (of one kind or scope, or all); the next dial decision sees it.");
        customers.MapGet("/{id}/decisions", CustomerDecisionsAsync)
            .Produces<DecisionListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Every dial decision about the customer, across campaigns, newest first: why they were called when they were, or not.");

        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns");
        campaigns.MapGet("/{id}/decisions", CampaignDecisionsAsync)
            .Produces<DecisionListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The campaign's dial decisions, newest first; decision=call|skip|wait keeps one kind.");
        campaigns.MapGet("/{id}/decisions.csv", CampaignDecisionsCsvAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The campaign's dial decisions as CSV (decision=call|skip|wait keeps one kind).");
    }

    private static async Task<IResult> AddConsentAsync(string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ConsentRequest>(request, """{ "kind": "express", "at": "2026-03-01", "source": "signup form" }""", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!ConsentParser.TryParse(body!.Kind, body.Scope, body.Source, body.At, body.RevokedAt, "consent", out var record, out var error))
        {
            return ApiProblems.BadRequest(error!, FieldOf(error!));
        }

        try
        {
            return Results.Ok(new ConsentResponse(await grains.GetGrain<ICustomerGrain>(id).AddConsentAsync(record!)));
        }
        catch (KeyNotFoundException)
        {
            return ApiProblems.NotFound($"customer '{id}' does not exist");
        }
    }

    private static async Task<IResult> RevokeConsentAsync(string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ConsentRevokeRequest>(request, """{ "kind": "expressWritten" }""", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ConsentKind? kind = null;
        if (!string.IsNullOrWhiteSpace(body!.Kind))
        {
            if (!ConsentParser.TryKind(body.Kind, out var parsed))
            {
                return ApiProblems.BadRequest($"kind '{body.Kind.Trim()}' is not express or expressWritten", "kind");
            }

            kind = parsed;
        }

        try
        {
            var result = await grains.GetGrain<ICustomerGrain>(id).RevokeConsentAsync(kind, string.IsNullOrWhiteSpace(body.Scope) ? null : body.Scope.Trim());
            return Results.Ok(new ConsentResponse(result.Consent, result.Revoked));
        }
        catch (KeyNotFoundException)
        {
            return ApiProblems.NotFound($"customer '{id}' does not exist");
        }
    }

    private static async Task<IResult> CustomerDecisionsAsync(string id, int? skip, int? take, IDecisionLog decisions, CancellationToken cancellationToken)
    {
        if (Page(skip, take) is not { } page)
        {
            return PageProblem(skip);
        }

        var result = await decisions.ForCustomerAsync(id, page.Skip, page.Take, cancellationToken);
        return Results.Ok(new DecisionListResponse(result.Total, page.Skip, page.Take, result.Items));
    }

    private static async Task<IResult> CampaignDecisionsAsync(string id, string? decision, int? skip, int? take, IDecisionLog decisions, CancellationToken cancellationToken)
    {
        if (Page(skip, take) is not { } page)
        {
            return PageProblem(skip);
        }

        if (!TryKind(decision, out var kind))
        {
            return KindProblem(decision!);
        }

        var result = await decisions.ForCampaignAsync(id, kind, page.Skip, page.Take, cancellationToken);
        return Results.Ok(new DecisionListResponse(result.Total, page.Skip, page.Take, result.Items));
    }

    private static async Task<IResult> CampaignDecisionsCsvAsync(string id, string? decision, HttpResponse response, IDecisionLog decisions, CancellationToken cancellationToken)
    {
        if (!TryKind(decision, out var kind))
        {
            return KindProblem(decision!);
        }

        await using var writer = CsvDownload.Start(response, $"{id}-decisions.csv");
        await writer.WriteAsync(DecisionsCsv.Header);
        const int batch = 1000;
        for (var skip = 0; ; skip += batch)
        {
            var page = await decisions.ForCampaignAsync(id, kind, skip, batch, cancellationToken);
            foreach (var item in page.Items)
            {
                await writer.WriteAsync(DecisionsCsv.Row(item));
            }

            if (page.Items.Count < batch)
            {
                break;
            }
        }

        return Results.Empty;
    }

    private static (int Skip, int Take)? Page(int? skip, int? take) =>
        (skip ?? 0) < 0 || (take ?? 50) is < 1 or > MaxPageSize ? null : (skip ?? 0, take ?? 50);

    private static IResult PageProblem(int? skip) => (skip ?? 0) < 0
        ? ApiProblems.BadRequest("skip must be 0 or more", "skip")
        : ApiProblems.BadRequest($"take must be between 1 and {MaxPageSize}", "take");

    private static bool TryKind(string? text, out DialDecisionKind? kind)
    {
        kind = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<DialDecisionKind>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            kind = parsed;
            return true;
        }

        return false;
    }

    private static IResult KindProblem(string text) => ApiProblems.BadRequest($"decision '{text}' is not call, skip or wait", "decision");

    /// <summary>"consent.kind is missing" → "consent.kind".</summary>
    private static string FieldOf(string error) => error.Split(' ', 2)[0];
}
