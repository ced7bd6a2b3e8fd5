using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Schedules;

namespace Campaign.Host.Api;

public sealed record ScheduleRequest(CampaignRequest? Campaign, string? Cron, string? TimeZone, DateTimeOffset? StartAt, DateTimeOffset? EndAt);

public sealed record ScheduleRunResponse(string CampaignId, DateTimeOffset StartedAt, CampaignStatus? Status, string? Error);

public sealed record ScheduleResponse(
    string Id,
    CampaignResponse Campaign,
    string? Cron,
    string TimeZone,
    DateTimeOffset? StartAt,
    DateTimeOffset? EndAt,
    bool Active,
    IReadOnlyList<DateTimeOffset> NextRuns,
    IReadOnlyList<ScheduleRunResponse> Runs,
    DateTimeOffset CreatedAt);

internal static class ScheduleEndpoints
{
    public static void MapScheduleEndpoints(this RouteGroupBuilder api)
    {
        var schedules = api.MapGroup("/schedules").WithTags("Schedules");
        schedules.MapPost("/", CreateAsync)
            .WithName("CreateSchedule")
            .Produces<ScheduleResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Run a campaign at a time, or at every occurrence of a cron expression in a time zone.");
        schedules.MapGet("/", ListAsync)
            .WithName("ListSchedules")
            .Produces<IReadOnlyList<ScheduleResponse>>()
            .WithSummary("Schedules with their next runs and past runs.");
        schedules.MapGet("/{id}", GetAsync)
            .WithName("GetSchedule")
            .Produces<ScheduleResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A schedule with its next runs and past runs.");
        schedules.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteSchedule")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Stop a schedule; campaigns it started stay.");
    }

    private static async Task<IResult> CreateAsync(ScheduleRequest? request, IGrainFactory grains)
    {
        if (request?.Campaign is null)
        {
            return ApiProblems.BadRequest("campaign is missing: the campaign to run, as for POST /api/campaigns", "campaign");
        }

        try
        {
            var info = await SaveAsync(request, grains);
            return Results.Created($"/api/schedules/{info.Id}", await ToResponseAsync(info, grains));
        }
        catch (CampaignException ex)
        {
            return ex.Conflict ? ApiProblems.Conflict(ex.Message) : ApiProblems.BadRequest(ex.Message, FieldOf(ex));
        }
    }

    /// <summary>Saves and arms a new schedule; throws <see cref="CampaignException"/> naming the field that is wrong.</summary>
    internal static async Task<ScheduleInfo> SaveAsync(ScheduleRequest request, IGrainFactory grains)
    {
        var campaign = (request.Campaign ?? throw new CampaignException("campaign is missing", "campaign")).ToDefinition();
        var id = "sch-" + Guid.NewGuid().ToString("N")[..12];
        var definition = new ScheduleDefinition(campaign, string.IsNullOrWhiteSpace(request.Cron) ? null : request.Cron.Trim(), request.TimeZone ?? "UTC", request.StartAt, request.EndAt);
        return await grains.GetGrain<IScheduleGrain>(id).CreateAsync(definition);
    }

    /// <summary>The request field an error is about: the schedule's own fields as they are, the template's under <c>campaign.</c>.</summary>
    internal static string? FieldOf(CampaignException ex) =>
        ex.Field is null or "campaign" or "cron" or "timeZone" or "startAt" or "endAt" ? ex.Field : $"campaign.{ex.Field}";

    private static async Task<IResult> ListAsync(IGrainFactory grains) => Results.Ok(await ListResponsesAsync(grains));

    internal static async Task<IReadOnlyList<ScheduleResponse>> ListResponsesAsync(IGrainFactory grains)
    {
        var responses = new List<ScheduleResponse>();
        foreach (var id in await grains.GetGrain<IScheduleCatalogGrain>(IScheduleCatalogGrain.Key).ListAsync())
        {
            if (await grains.GetGrain<IScheduleGrain>(id).GetAsync() is { } info)
            {
                responses.Add(await ToResponseAsync(info, grains));
            }
        }

        return responses;
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<IScheduleGrain>(id).GetAsync() is { } info
            ? Results.Ok(await ToResponseAsync(info, grains))
            : ApiProblems.NotFound($"schedule '{id}' does not exist");

    private static async Task<IResult> DeleteAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<IScheduleGrain>(id).DeleteAsync() ? Results.NoContent() : ApiProblems.NotFound($"schedule '{id}' does not exist");

    private static async Task<ScheduleResponse> ToResponseAsync(ScheduleInfo info, IGrainFactory grains)
    {
        var runs = new List<ScheduleRunResponse>();
        foreach (var run in info.Runs)
        {
            var campaign = run.Error is null ? await grains.GetGrain<ICampaignGrain>(run.CampaignId).GetAsync() : null;
            runs.Add(new ScheduleRunResponse(run.CampaignId, run.StartedAt, campaign?.Status, run.Error));
        }

        var d = info.Definition;
        var template = CampaignResponse.From(new CampaignInfo(info.Id, d.Campaign, CampaignStatus.Scheduled, info.CreatedAt, null, null, 0));
        return new ScheduleResponse(info.Id, template, d.Cron, d.TimeZone, d.StartAt, d.EndAt, info.Active, info.NextRuns, runs, info.CreatedAt);
    }
}
