using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
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
        campaigns.MapPost("/", CreateAsync)
            .WithName("CreateCampaign")
            .Produces<CampaignResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a campaign (a draft) from an audience, script(s), quota and policies.")
            .WithDescription("Give exactly one audience: segmentId, criteria or variants (one script per segment); scriptId applies to segmentId and criteria.");
        campaigns.MapGet("/", ListAsync)
            .WithName("ListCampaigns")
            .Produces<IReadOnlyList<CampaignResponse>>()
            .WithSummary("All campaigns, newest first.");
        campaigns.MapGet("/{id}", GetAsync)
            .WithName("GetCampaign")
            .Produces<CampaignResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A campaign with its status and audience size.");
        Act(campaigns, "start", "StartCampaign", g => g.StartAsync(), "Snapshot the audience and start calling.");
        Act(campaigns, "pause", "PauseCampaign", g => g.PauseAsync(), "Stop new calls; live calls finish.");
        Act(campaigns, "resume", "ResumeCampaign", g => g.ResumeAsync(), "Start calling again after a pause.");
        Act(campaigns, "cancel", "CancelCampaign", g => g.CancelAsync(), "Stop new calls and hang up live calls.");
        campaigns.MapGet("/{id}/stats", StatsAsync)
            .WithName("GetCampaignStats")
            .Produces<CampaignStatsResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Live progress: audience, queued, in flight, peak, results, retries pending.");
        campaigns.MapGet("/{id}/calls", CallsAsync)
            .WithName("ListCampaignCalls")
            .Produces<CallPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Finished calls of the campaign, newest first, paged (skip, take: 1–500, default 50) with the total that match.")
            .WithDescription("Optional filters, all of which must hold: result (answered, noAnswer, busy, voicemail, failed, cancelled), interest (unknown, interested, neutral, notInterested), followUp (none, moreInfo, callback, leaveAlone) and q (a customer's name or id, any part and case, or at least three digits of their phone). A search matching more than 1,000 customers lists the calls of the first 1,000 by id.");
        campaigns.MapGet("/{id}/export.csv", ExportAsync)
            .WithName("ExportCampaignCalls")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every finished call with its outcome, as CSV.");
        campaigns.MapGet("/{id}/calls/live", LiveCallsAsync)
            .WithName("ListLiveCalls")
            .Produces<IReadOnlyList<LiveCallResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Calls in flight now, oldest first, paged (skip, take: 1–1000, default 100): customer, state, elapsed seconds; the X-Total-Count header says how many are in flight.");
        campaigns.MapGet("/{id}/follow-ups", FollowUpsAsync)
            .WithName("ListFollowUps")
            .Produces<IReadOnlyList<FollowUpResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Follow-ups to do: each customer whose latest answered call asked for more info, a callback or to be left alone.");
        campaigns.MapGet("/{id}/follow-ups.csv", FollowUpsCsvAsync)
            .WithName("ExportFollowUps")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The follow-ups to do, as CSV.");
        campaigns.MapGet("/{id}/pending", PendingAsync)
            .WithName("ListPendingCalls")
            .Produces<IReadOnlyList<PendingCallResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What happens next: the customers still to call, earliest first, each with why they wait (nextInLine, retry, callingHours) and from when they may be dialled.");

        api.MapGet("/calls/{id}", CallAsync)
            .WithName("GetCall")
            .WithTags("Calls")
            .Produces<CallRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A call: timeline, transcript and outcome.");
    }

    private static void Act(RouteGroupBuilder campaigns, string action, string name, Func<ICampaignGrain, Task<CampaignInfo>> act, string summary) =>
        campaigns.MapPost($"/{{id}}/{action}", (string id, IGrainFactory grains) => ActAsync(grains, id, act))
            .WithName(name)
            .Produces<CampaignResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(summary);

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

    private static async Task<IResult> StatsAsync(string id, CampaignQueries queries)
    {
        var stats = await queries.StatsAsync(id);
        return stats is null ? ApiProblems.NotFound($"campaign '{id}' does not exist") : Results.Ok(stats);
    }

    private static async Task<IResult> ExportAsync(string id, IGrainFactory grains, ICallStore calls, ICustomerDirectory customers, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetAsync() is not { } info)
        {
            return ApiProblems.NotFound($"campaign '{id}' does not exist");
        }

        var page = await calls.ListAsync(id, 0, int.MaxValue, cancellationToken);
        var people = new Dictionary<string, CustomerProfile?>(StringComparer.Ordinal);
        foreach (var customerId in page.Items.Select(c => c.CustomerId).Distinct(StringComparer.Ordinal))
        {
            people[customerId] = await customers.GetAsync(customerId, cancellationToken);
        }

        return CsvDownload.File(CallsCsv.Write(page.Items, people), ExportFileName.For(id, info.Definition.Name, "calls"));
    }

    private static async Task<IResult> PendingAsync(string id, int? take, IGrainFactory grains, ICustomerDirectory customers, CancellationToken cancellationToken)
    {
        if (take is < 1 or > PendingCallsView.MaxTake)
        {
            return ApiProblems.BadRequest($"take must be from 1 to {PendingCallsView.MaxTake}", "take");
        }

        var pending = await PendingCallsView.LoadAsync(grains, customers, id, take ?? 50, cancellationToken);
        return pending is null ? ApiProblems.NotFound($"campaign '{id}' does not exist") : Results.Ok(pending);
    }

    private static async Task<IResult> LiveCallsAsync(string id, int? skip, int? take, CampaignQueries queries, HttpResponse response)
    {
        if (skip is < 0)
        {
            return ApiProblems.BadRequest("skip must be 0 or more", "skip");
        }

        if (take is < 1 or > CampaignQueries.MaxLiveTake)
        {
            return ApiProblems.BadRequest($"take must be from 1 to {CampaignQueries.MaxLiveTake}", "take");
        }

        if (await queries.LiveCallsAsync(id, skip ?? 0, take ?? CampaignQueries.DefaultLiveTake) is not { } live)
        {
            return ApiProblems.NotFound($"campaign '{id}' does not exist");
        }

        response.Headers[DoNotCallEndpoints.TotalHeader] = live.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Ok(live.Items);
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
        return CsvDownload.File(FollowUpsCsv.Write(followUps), ExportFileName.For(id, info.Definition.Name, "follow-ups"));
    }

    private static async Task<IResult> CallsAsync(
        string id,
        int? skip,
        int? take,
        string? result,
        string? interest,
        string? followUp,
        string? q,
        IGrainFactory grains,
        ICallStore calls,
        ICustomerDirectory customers,
        CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetAsync() is null)
        {
            return ApiProblems.NotFound($"campaign '{id}' does not exist");
        }

        var resolved = await new CallListQuery(result, interest, followUp, q).ResolveAsync(customers, cancellationToken);
        if (resolved.Filter is not { } filter)
        {
            return ApiProblems.BadRequest(resolved.Error!, resolved.Field);
        }

        var page = await calls.ListAsync(id, filter, Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 50, 1, CustomerEndpoints.MaxPageSize), cancellationToken);
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
