using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Host.OpenApi;

namespace Campaign.Host.Api;

public sealed record SegmentPreviewRequest(JsonElement? Criteria);

public sealed record SegmentPreviewResponse(int Count, IReadOnlyList<CustomerSummary> Sample);

public sealed record SegmentRequest([property: Required] string? Name, string? Description, [property: Required] JsonElement? Criteria);

public sealed record SegmentResponse(string Id, string Name, string? Description, JsonElement Criteria, int Count, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal static class SegmentEndpoints
{
    public const int SampleSize = 10;

    public static void MapSegmentEndpoints(this RouteGroupBuilder api)
    {
        var segments = api.MapGroup("/segments").WithTags("Segments");
        segments.MapPost("/preview", PreviewAsync)
            .WithName("PreviewSegment")
            .WithMetadata(OptionalBody.Instance)
            .Produces<SegmentPreviewResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("How many customers the criteria select, with a sample; do-not-call customers never count.");
        segments.MapPost("/", CreateAsync)
            .WithName("CreateSegment")
            .Produces<SegmentResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Save a segment.");
        segments.MapGet("/", ListAsync)
            .WithName("ListSegments")
            .Produces<IReadOnlyList<SegmentResponse>>()
            .WithSummary("The saved segments with their current size.");
        segments.MapGet("/{id}", GetAsync)
            .WithName("GetSegment")
            .Produces<SegmentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A saved segment with its current size.");
        segments.MapPut("/{id}", UpdateAsync)
            .WithName("UpdateSegment")
            .Produces<SegmentResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replace a segment's name, description and criteria.");
        segments.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteSegment")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete a saved segment.");
    }

    private static async Task<IResult> PreviewAsync(SegmentPreviewRequest? request, ICustomerDirectory directory, CancellationToken cancellationToken)
    {
        if (!TryParse(request?.Criteria, out var criteria, out var problem))
        {
            return problem!;
        }

        var page = await directory.QueryAsync(criteria!, 0, SampleSize, includeDoNotCall: false, cancellationToken);
        return Results.Ok(new SegmentPreviewResponse(page.Total, page.Items));
    }

    private static async Task<IResult> CreateAsync(SegmentRequest? request, IGrainFactory grains, ICustomerDirectory directory, CancellationToken cancellationToken)
    {
        if (!TryValidate(request, out var name, out var criteria, out var problem))
        {
            return problem!;
        }

        try
        {
            var saved = await Catalog(grains).CreateAsync(name!, request!.Description, request.Criteria!.Value.GetRawText());
            var response = await ToResponseAsync(saved, directory, criteria!, cancellationToken);
            return Results.Created($"/api/segments/{saved.Id}", response);
        }
        catch (SegmentNameTakenException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
    }

    private static async Task<IResult> UpdateAsync(string id, SegmentRequest? request, IGrainFactory grains, ICustomerDirectory directory, CancellationToken cancellationToken)
    {
        if (!TryValidate(request, out var name, out var criteria, out var problem))
        {
            return problem!;
        }

        try
        {
            var saved = await Catalog(grains).UpdateAsync(id, name!, request!.Description, request.Criteria!.Value.GetRawText());
            return saved is null
                ? ApiProblems.NotFound($"segment '{id}' does not exist")
                : Results.Ok(await ToResponseAsync(saved, directory, criteria!, cancellationToken));
        }
        catch (SegmentNameTakenException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains, ICustomerDirectory directory, CancellationToken cancellationToken)
    {
        var responses = new List<SegmentResponse>();
        foreach (var segment in await Catalog(grains).ListAsync())
        {
            responses.Add(await ToResponseAsync(segment, directory, SegmentCriteriaParser.ParseStored(segment.CriteriaJson), cancellationToken));
        }

        return Results.Ok(responses);
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains, ICustomerDirectory directory, CancellationToken cancellationToken)
    {
        var segment = await Catalog(grains).GetAsync(id);
        return segment is null
            ? ApiProblems.NotFound($"segment '{id}' does not exist")
            : Results.Ok(await ToResponseAsync(segment, directory, SegmentCriteriaParser.ParseStored(segment.CriteriaJson), cancellationToken));
    }

    private static async Task<IResult> DeleteAsync(string id, IGrainFactory grains) =>
        await Catalog(grains).DeleteAsync(id) ? Results.NoContent() : ApiProblems.NotFound($"segment '{id}' does not exist");

    private static ISegmentCatalogGrain Catalog(IGrainFactory grains) => grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key);

    private static async Task<SegmentResponse> ToResponseAsync(SegmentDefinition segment, ICustomerDirectory directory, SegmentCriteria criteria, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(segment.CriteriaJson);
        var count = await directory.CountAsync(criteria, cancellationToken);
        return new SegmentResponse(segment.Id, segment.Name, segment.Description, document.RootElement.Clone(), count, segment.CreatedAt, segment.UpdatedAt);
    }

    private static bool TryValidate(SegmentRequest? request, out string? name, out SegmentCriteria? criteria, out IResult? problem)
    {
        var valid = TryValidate(request, out name, out criteria, out var field, out var error);
        problem = valid ? null : ApiProblems.BadRequest(error!, field);
        return valid;
    }

    /// <summary>Checks a segment as saved by the API or the admin pages; on failure names the field and says what is wrong.</summary>
    internal static bool TryValidate(SegmentRequest? request, out string? name, out SegmentCriteria? criteria, out string? field, out string? error)
    {
        name = request?.Name?.Trim();
        criteria = null;
        (field, error) = (null, null);
        if (string.IsNullOrEmpty(name))
        {
            (field, error) = ("name", "name is missing");
            return false;
        }

        if (name.Length > 200)
        {
            (field, error) = ("name", "name is longer than 200 characters");
            return false;
        }

        if (request!.Criteria is not { ValueKind: JsonValueKind.Object })
        {
            (field, error) = ("criteria", "criteria is missing; e.g. { \"area\": [\"Riverside\"] }");
            return false;
        }

        try
        {
            criteria = SegmentCriteriaParser.Parse(request.Criteria);
            return true;
        }
        catch (SegmentCriteriaException ex)
        {
            (field, error) = (ex.Path, ex.Message);
            return false;
        }
    }

    private static bool TryParse(JsonElement? element, out SegmentCriteria? criteria, out IResult? problem)
    {
        try
        {
            criteria = SegmentCriteriaParser.Parse(element);
            problem = null;
            return true;
        }
        catch (SegmentCriteriaException ex)
        {
            criteria = null;
            problem = ApiProblems.BadRequest(ex.Message, ex.Path);
            return false;
        }
    }
}
