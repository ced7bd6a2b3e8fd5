using System.Text.Json;
using Campaign.Telephony.Http;
using Microsoft.AspNetCore.Mvc;

namespace Campaign.Telephony.Acs;

/// <summary>
/// The callback URL Call Automation posts CloudEvent arrays to. It authenticates by per-call token (and JWT when
/// configured), not the API key; each event is handed to <see cref="AcsCallbackHandler"/> in the order received.
/// </summary>
public static class AcsCallbacks
{
    public static void MapAcsCallbacks(this IEndpointRouteBuilder app)
    {
        var handler = ActivatorUtilities.CreateInstance<AcsCallbackHandler>(app.ServiceProvider);
        app.MapGroup(AcsCallbackUrls.BasePath)
            .AddEndpointFilter<AcsCallbackAuthFilter>()
            .ExcludeFromDescription()
            .MapPost(AcsCallbackUrls.EventsPath, ([FromQuery] string callId, HttpRequest request) => EventsAsync(callId, request, handler))
            .DisableAntiforgery();
        app.MapAcsSmsEvents();
    }

    private static async Task<IResult> EventsAsync(string callId, HttpRequest request, AcsCallbackHandler handler)
    {
        if (WebhookBody.Limit(request.HttpContext, WebhookBody.AcsMaxBytes) is { } refused)
        {
            return refused;
        }

        IReadOnlyList<AcsCallbackEvent> events;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            events = AcsCallbackEvent.ParseBatch(body.RootElement);
        }
        catch (JsonException ex)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid request",
                detail: $"body: expected a JSON array of CloudEvents ({ex.Message})",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [ex.Message] } });
        }
        catch (Exception ex) when (WebhookBody.Unreadable(ex, WebhookBody.AcsMaxBytes) is { } unreadable)
        {
            return unreadable;
        }

        foreach (var callbackEvent in events)
        {
            await handler.HandleAsync(callId, callbackEvent);
        }

        return Results.Ok();
    }
}
