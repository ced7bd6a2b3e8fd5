using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Grains;
using Campaign.Grains.Compliance;

namespace Campaign.Host.Api;

internal static class CampaignEndpoints
{
    public static void MapCampaignEndpoints(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns");
        campaigns.MapPost("/", CreateAsync).WithSummary("Create a campaign (a draft) from an audience, script(s), quota and policies.");
        campaigns.MapGet("/", ListAsync).WithSummary("All campaigns, newest first.");
        campaigns.MapGet("/{id}", GetAsync);
        campaigns.MapPost("/{id}/start", (string id, IGrainFactory grains) => ActAsync(grains, id, g => g.StartAsync()))
            .WithSummary("Snapshot the audience and start calling.");
        campaigns.MapPost("/{id}/pause", (string id, IGrainFactory grains) => ActAsync(grains, id, g => g.PauseAsync()))
            .WithSummary("Stop new calls; live calls finish.");
        campaigns.MapPost("/{id}/resume", (string id, IGrainFactory grains) => ActAsync(grains, id, g => g.ResumeAsync()));
        campaigns.MapPost("/{id}/cancel", (string id, IGrainFactory grains) => ActAsync(grains, id, g => g.CancelAsync()))
            .WithSummary("Stop new calls and hang up live calls.");
        campaigns.MapGet("/{id}/stats", StatsAsync).WithSummary("Live progress: audience, queued, in flight, peak, results, retries pending.");
        campaigns.MapGet("/{id}/calls", CallsAsync).WithSummary("Finished calls of the campaign, newest first.");
        campaigns.MapGet("/{id}/export.csv", ExportAsync).WithSummary("Every finished call with its outcome, as CSV.");
        campaigns.MapGet("/{id}/calls/live", LiveCallsAsync).WithSummary("Calls in flight now: customer, state, elapsed seconds.");
        campaigns.MapGet("/{id}/follow-ups", FollowUpsAsync)
            .WithSummary("Follow-ups to do: each customer whose latest answered call asked for more info, a callback or to be left alone.");
        campaigns.MapGet("/{id}/follow-ups.csv", FollowUpsCsvAsync).WithSummary("The follow-ups to do, as CSV.");

        api.MapGet("/calls/{id}", CallAsync).WithTags("Calls").WithSummary("A call: timeline, transcript and outcome.");
    }

    private static async Task<IResult> CreateAsync(CampaignRequest? request, IGrainFactory grains)
    {
        if (request is null)
        {
            return ApiProblems.BadRequest("the body is missing", "body");
        }

        try
        {
            var id = "cmp-" + Guid.NewGuid().ToString("N")[..12];
            var info = await grains.GetGrain<ICampaignGrain>(id).CreateAsync(request.ToDefinition());
            return Results.Created($"/api/campaigns/{id}", CampaignResponse.From(info));
        }
        catch (CampaignException ex)
        {
            return Problem(ex);
        }
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains) =>
        Results.Ok((await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync()).Select(CampaignResponse.From));

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains)
    {
        var info = await grains.GetGrain<ICampaignGrain>(id).GetAsync();
        return info is null ? ApiProblems.NotFound($"campaign '{id}' does not exist") : Results.Ok(CampaignResponse.From(info));
    }

    private static async Task<IResult> ActAsync(IGrainFactory grains, string id, Func<ICampaignGrain, Task<CampaignInfo>> action)
    {
        var grain = grains.GetGrain<ICampaignGrain>(id);
        if (await grain.GetAsync() is null)
        {
            return ApiProblems.NotFound($"campaign '{id}' does not exist");
        }

        try
        {
            return Results.Ok(CampaignResponse.From(await action(grain)));
        }
        catch (CampaignException ex)
        {
            return Problem(ex);
        }
    }

    private static async Task<IResult> StatsAsync(string id, IGrainFactory grains, ICallStore calls, CancellationToken cancellationToken)
    {
        var stats = await LoadStatsAsync(grains, calls, id, cancellationToken);
        return stats is null ? ApiProblems.NotFound($"campaign '{id}' does not exist") : Results.Ok(stats);
    }

    /// <summary>The statistics of a campaign, or null when it does not exist; shared by the API and the admin pages.</summary>
    public static async Task<CampaignStatsResponse?> LoadStatsAsync(IGrainFactory grains, ICallStore calls, string id, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<ICampaignGrain>(id);
        if (await grain.GetAsync() is null)
        {
            return null;
        }

        var progress = await grain.GetProgressAsync();
        var outcomes = await calls.OutcomeStatsAsync(id, cancellationToken: cancellationToken);
        var segments = (await grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key).ListAsync()).ToDictionary(s => s.Id, s => s.Name);
        return CampaignStatsResponse.From(progress, outcomes, segments);
    }

    private static async Task<IResult> ExportAsync(string id, IGrainFactory grains, ICallStore calls, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetAsync() is null)
        {
            return ApiProblems.NotFound($"campaign '{id}' does not exist");
        }

        var page = await calls.ListAsync(id, 0, int.MaxValue, cancellationToken);
        return CsvDownload.File(CallsCsv.Write(page.Items), $"{id}-calls.csv");
    }

    private static async Task<IResult> LiveCallsAsync(
        string id, IGrainFactory grains, ICustomerDirectory customers, [FromKeyedServices(EngineClock.Key)] TimeProvider clock, CancellationToken cancellationToken)
    {
        var live = await LiveCalls.LoadAsync(grains, customers, clock, id, cancellationToken);
        return live is null ? ApiProblems.NotFound($"campaign '{id}' does not exist") : Results.Ok(live);
    }

    private static async Task<IResult> FollowUpsAsync(
        string id, IGrainFactory grains, ICallStore calls, ICustomerDirectory customers, CustomerLocator locator, CancellationToken cancellationToken)
    {
        var info = await grains.GetGrain<ICampaignGrain>(id).GetAsync();
        return info is null
            ? ApiProblems.NotFound($"campaign '{id}' does not exist")
            : Results.Ok(await FollowUps.LoadAsync(calls, customers, locator, id, info.Definition.CallingWindow?.TimeZone, cancellationToken));
    }

    private static async Task<IResult> FollowUpsCsvAsync(
        string id, IGrainFactory grains, ICallStore calls, ICustomerDirectory customers, CustomerLocator locator, CancellationToken cancellationToken)
    {
        var info = await grains.GetGrain<ICampaignGrain>(id).GetAsync();
        if (info is null)
        {
            return ApiProblems.NotFound($"campaign '{id}' does not exist");
        }

        var followUps = await FollowUps.LoadAsync(calls, customers, locator, id, info.Definition.CallingWindow?.TimeZone, cancellationToken);
        return CsvDownload.File(FollowUpsCsv.Write(followUps), $"{id}-follow-ups.csv");
    }

    private static async Task<IResult> CallsAsync(string id, int? skip, int? take, IGrainFactory grains, ICallStore calls, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetAsync() is null)
        {
            return ApiProblems.NotFound($"campaign '{id}' does not exist");
        }

        var page = await calls.ListAsync(id, Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 50, 1, CustomerEndpoints.MaxPageSize), cancellationToken);
        return Results.Ok(page);
    }

    private static async Task<IResult> CallAsync(string id, IGrainFactory grains, ICallStore calls, CancellationToken cancellationToken)
    {
        var record = await calls.GetAsync(id, cancellationToken) ?? await grains.GetGrain<ICallGrain>(id).GetAsync();
        return record is null ? ApiProblems.NotFound($"call '{id}' does not exist") : Results.Ok(record);
    }

    private static IResult Problem(CampaignException ex) =>
        ex.Conflict ? ApiProblems.Conflict(ex.Message) : ApiProblems.BadRequest(ex.Message, ex.Field);
}
