using System.Globalization;
using Campaign.Abstractions;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;

namespace Campaign.Host.Api;

internal static class ScriptEndpoints
{
    private const string Example = """{ "name": "Outage follow-up", "persona": { "agentName": "Alex", "company": "City Power" }, "goal": "…", "opening": "…", "closing": "…", "disclosure": "…" }""";

    public static void MapScriptEndpoints(this RouteGroupBuilder api)
    {
        var scripts = api.MapGroup("/scripts").WithTags("Scripts");
        scripts.MapPost("/", CreateAsync)
            .Accepts<ScriptBody>("application/json")
            .Produces<ScriptResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Save a new script (version 1). See docs/scripts.md.");
        scripts.MapGet("/", ListAsync)
            .Produces<IReadOnlyList<ScriptSummary>>()
            .WithSummary("Every script with its latest version.");
        scripts.MapGet("/{id}", GetAsync)
            .Produces<ScriptResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The latest version of a script, or ?version=N.");
        scripts.MapPut("/{id}", UpdateAsync)
            .Accepts<ScriptBody>("application/json")
            .Produces<ScriptResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Save a new version of a script; with \"version\" in the body, only if that is still the latest.");
        scripts.MapGet("/{id}/versions", ListVersionsAsync)
            .Produces<IReadOnlyList<ScriptVersionSummary>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every version of a script, oldest first.");
        scripts.MapPost("/{id}/preview", PreviewAsync)
            .Accepts<ScriptPreviewRequest>("application/json")
            .Produces<ScriptPreviewResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The disclosure, opening and closing rendered for one customer, with warnings for blank variables.");
        scripts.MapPost("/{id}/test", TestAsync)
            .Accepts<ScriptTestRequest>("application/json")
            .Produces<ScriptTestResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A test call: the agent follows the script with the caller lines given and returns every line said and the outcome a call would record. Nothing is dialled or stored.");
    }

    private static async Task<IResult> TestAsync(string id, string? version, HttpRequest request, IGrainFactory grains, ScriptTestRunner runner, CancellationToken cancellationToken)
    {
        var (saved, problem) = await FindAsync(grains, id, version);
        if (problem is not null)
        {
            return problem;
        }

        (var body, problem) = await JsonBody.ReadAsync<ScriptTestRequest>(request, """{ "lines": ["Yes, tell me more.", "Call me tomorrow at 5 pm."] }""", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (ScriptTestRunner.Check(body!.Lines) is { } bad)
        {
            return ApiProblems.BadRequest($"{bad.Field}: {bad.Message}", bad.Field);
        }

        var customer = ScriptTestRunner.SampleCustomer;
        if (!string.IsNullOrWhiteSpace(body.CustomerId))
        {
            if (await grains.GetGrain<ICustomerGrain>(body.CustomerId.Trim()).GetAsync() is not { } view)
            {
                return ApiProblems.BadRequest($"customer '{body.CustomerId.Trim()}' does not exist", "customerId");
            }

            customer = view.Profile;
        }

        return Results.Ok(await runner.RunAsync(saved!, customer, body.Lines!.Select(l => l ?? "").ToList(), cancellationToken));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ScriptBody>(request, Example, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var id = string.IsNullOrWhiteSpace(body!.Id) ? NewId() : body.Id.Trim();
        if (ClientIds.Problem(id, "id") is { } idProblem)
        {
            return ApiProblems.BadRequest(idProblem, "id");
        }

        try
        {
            var saved = await grains.GetGrain<IScriptGrain>(id).CreateAsync(body.ToDefinition());
            return Results.Created($"/api/scripts/{id}", ScriptResponse.From(saved));
        }
        catch (ScriptValidationException ex)
        {
            return Invalid(ex);
        }
        catch (ScriptAlreadyExistsException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
    }

    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ScriptBody>(request, Example, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!string.IsNullOrWhiteSpace(body!.Id) && body.Id.Trim() != id)
        {
            return ApiProblems.BadRequest($"id: '{body.Id}' is not the script in the path ('{id}')", "id");
        }

        try
        {
            var saved = await grains.GetGrain<IScriptGrain>(id).UpdateAsync(body.ToDefinition(), body.Version);
            return saved is null ? NotFound(id) : Results.Ok(ScriptResponse.From(saved));
        }
        catch (ScriptValidationException ex)
        {
            return Invalid(ex);
        }
        catch (ScriptVersionConflictException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains) =>
        Results.Ok(await grains.GetGrain<IScriptCatalogGrain>(IScriptCatalogGrain.Key).ListAsync());

    private static async Task<IResult> GetAsync(string id, string? version, IGrainFactory grains)
    {
        var (saved, problem) = await FindAsync(grains, id, version);
        return problem ?? Results.Ok(ScriptResponse.From(saved!));
    }

    private static async Task<IResult> ListVersionsAsync(string id, IGrainFactory grains)
    {
        var versions = await grains.GetGrain<IScriptGrain>(id).ListVersionsAsync();
        return versions.Count == 0 ? NotFound(id) : Results.Ok(versions);
    }

    private static async Task<IResult> PreviewAsync(string id, string? version, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (saved, problem) = await FindAsync(grains, id, version);
        if (problem is not null)
        {
            return problem;
        }

        (var body, problem) = await JsonBody.ReadAsync<ScriptPreviewRequest>(request, """{ "customerId": "C-1001" }""", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.CustomerId))
        {
            return ApiProblems.BadRequest("customerId is missing", "customerId");
        }

        var customer = await grains.GetGrain<ICustomerGrain>(body.CustomerId.Trim()).GetAsync();
        if (customer is null)
        {
            return ApiProblems.BadRequest($"customer '{body.CustomerId.Trim()}' does not exist", "customerId");
        }

        var rendered = ScriptRenderer.Render(saved!.Definition, customer.Profile);
        var script = rendered.Script;
        return Results.Ok(new ScriptPreviewResponse(
            saved.ScriptId, saved.Version, customer.Profile.Id, customer.DoNotCall, script.Language,
            script.Disclosure, script.Opening, script.Closing, rendered.BlankVariables));
    }

    private static async Task<(ScriptVersion? Saved, IResult? Problem)> FindAsync(IGrainFactory grains, string id, string? version)
    {
        int? number = null;
        if (version is not null)
        {
            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return (null, ApiProblems.BadRequest("version must be a whole number from 1", "version"));
            }

            number = parsed;
        }

        var script = grains.GetGrain<IScriptGrain>(id);
        var saved = await script.GetAsync(number);
        if (saved is not null)
        {
            return (saved, null);
        }

        if (number is null || await script.GetAsync() is not { } latest)
        {
            return (null, NotFound(id));
        }

        return (null, ApiProblems.NotFound($"script '{id}' has no version {number} (the latest is {latest.Version})"));
    }

    private static IResult NotFound(string id) => ApiProblems.NotFound($"script '{id}' does not exist");

    private static IResult Invalid(ScriptValidationException ex) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid script",
        detail: ex.Message,
        extensions: new Dictionary<string, object?>
        {
            ["field"] = ex.Errors.FirstOrDefault()?.Field ?? "body",
            ["errors"] = ex.Errors,
        });

    internal static string NewId() => "scr-" + Guid.NewGuid().ToString("N")[..12];
}
