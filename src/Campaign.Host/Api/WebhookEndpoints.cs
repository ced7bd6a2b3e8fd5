using Campaign.Abstractions.Webhooks;

namespace Campaign.Host.Api;

public sealed record WebhookRequest(string? Url, IReadOnlyList<string?>? Events, string? Secret)
{
    /// <summary>Without the secret, so no log that prints the request shows it.</summary>
    public override string ToString() => new WebhookRegistration(Url, Events, Secret).ToString();
}

/// <summary>A registered endpoint; the secret is never shown again.</summary>
public sealed record WebhookResponse(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt)
{
    public static WebhookResponse From(WebhookEndpoint endpoint) => new(endpoint.Id, endpoint.Url, endpoint.Events, endpoint.CreatedAt);
}

/// <summary>
/// One delivery in an endpoint's log: the event's type (<c>event</c>) and id, where it stands (<c>pending</c>,
/// <c>retrying</c>, <c>delivered</c>, <c>failed</c>), the attempts so far, the last one's time and HTTP status, the next
/// attempt's time, and why the last attempt failed.
/// </summary>
public sealed record WebhookDeliveryResponse(
    string Id,
    string Event,
    string EventId,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    int? ResponseStatus,
    DateTimeOffset? NextAttemptAt,
    string? Error)
{
    public static WebhookDeliveryResponse From(WebhookDeliveryInfo d) =>
        new(d.Id, d.Event, d.EventId, d.Status, d.Attempts, d.CreatedAt, d.LastAttemptAt, d.ResponseStatus, d.NextAttemptAt, d.Error);
}

public sealed record WebhookDeliveriesResponse(int Total, IReadOnlyList<WebhookDeliveryResponse> Items);

internal static class WebhookEndpoints
{
    public const int MaxPageSize = 500;

    public static void MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapPost("/", CreateAsync)
            .WithName("CreateWebhook")
            .Produces<WebhookResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Register an endpoint for signed event deliveries: an absolute HTTPS url, the events (call.completed, followUp.created, optOut, campaign.completed) and a secret of at least 16 characters, which is never shown again.");
        webhooks.MapGet("/", ListAsync)
            .WithName("ListWebhooks")
            .Produces<IReadOnlyList<WebhookResponse>>()
            .WithSummary("The registered endpoints (without their secrets).");
        webhooks.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteWebhook")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove an endpoint; deliveries not yet made are dropped with its log.");
        webhooks.MapGet("/{id}/deliveries", DeliveriesAsync)
            .WithName("ListWebhookDeliveries")
            .Produces<WebhookDeliveriesResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The endpoint's delivery log, newest first, paged (skip, take: 1–500, default 50) with the total.");
        webhooks.MapPost("/{id}/deliveries/{deliveryId}/retry", RetryAsync)
            .WithName("RetryWebhookDelivery")
            .Produces<WebhookDeliveryResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Send a delivery again now, whatever its status, with a new 24-hour retry window.");
    }

    private static async Task<IResult> CreateAsync(WebhookRequest? request, IGrainFactory grains)
    {
        if (request is null)
        {
            return ApiProblems.BadRequest("the body is missing: { url, events, secret }", "url");
        }

        var id = "whk-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var endpoint = await grains.GetGrain<IWebhookEndpointGrain>(id).RegisterAsync(new WebhookRegistration(request.Url, request.Events, request.Secret));
            return Results.Created($"/api/webhooks/{id}", WebhookResponse.From(endpoint));
        }
        catch (WebhookException ex)
        {
            return ApiProblems.BadRequest(ex.Message, ex.Field);
        }
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains) => Results.Ok(await ListResponsesAsync(grains));

    internal static async Task<IReadOnlyList<WebhookResponse>> ListResponsesAsync(IGrainFactory grains)
    {
        var responses = new List<WebhookResponse>();
        foreach (var subscription in await grains.GetGrain<IWebhookCatalogGrain>(IWebhookCatalogGrain.Key).ListAsync())
        {
            if (await grains.GetGrain<IWebhookEndpointGrain>(subscription.EndpointId).GetAsync() is { } endpoint)
            {
                responses.Add(WebhookResponse.From(endpoint));
            }
        }

        return responses;
    }

    private static async Task<IResult> DeleteAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<IWebhookEndpointGrain>(id).DeleteAsync() ? Results.NoContent() : ApiProblems.NotFound($"webhook '{id}' does not exist");

    private static async Task<IResult> DeliveriesAsync(string id, int? skip, int? take, IGrainFactory grains) =>
        await DeliveriesPageAsync(grains, id, skip, take) is { } page
            ? Results.Ok(page)
            : ApiProblems.NotFound($"webhook '{id}' does not exist");

    internal static async Task<WebhookDeliveriesResponse?> DeliveriesPageAsync(IGrainFactory grains, string id, int? skip, int? take) =>
        await grains.GetGrain<IWebhookEndpointGrain>(id).GetDeliveriesAsync(Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 50, 1, MaxPageSize)) is { } page
            ? new WebhookDeliveriesResponse(page.Total, page.Items.Select(WebhookDeliveryResponse.From).ToList())
            : null;

    private static async Task<IResult> RetryAsync(string id, string deliveryId, IGrainFactory grains)
    {
        var endpoint = grains.GetGrain<IWebhookEndpointGrain>(id);
        if (await endpoint.GetAsync() is null)
        {
            return ApiProblems.NotFound($"webhook '{id}' does not exist");
        }

        return await endpoint.RetryAsync(deliveryId) is { } delivery
            ? Results.Accepted($"/api/webhooks/{id}/deliveries", WebhookDeliveryResponse.From(delivery))
            : ApiProblems.NotFound($"delivery '{deliveryId}' of webhook '{id}' does not exist");
    }
}
