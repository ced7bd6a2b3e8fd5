using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Telemetry;
using Campaign.Abstractions.Telephony;
using Campaign.Telephony.Http;

namespace Campaign.Telephony.Acs;

/// <summary>
/// The Event Grid webhook for the resource's SMS events, <c>POST /telephony/acs/sms?token=…</c>: the subscription's
/// validation handshake, delivery reports (applied to the text's call, whose status only moves forward, so a replayed
/// event changes nothing) and received messages (a stop keyword opts the number out). Authenticated by the token in
/// the URL (<c>Telephony:Acs:SmsEventsToken</c>, compared in constant time), not the API key. Both the Event Grid and
/// the CloudEvents schema are read.
/// </summary>
public static class AcsSmsEvents
{
    public const string Path = "/sms";
    private const string Validation = "Microsoft.EventGrid.SubscriptionValidationEvent";
    private const string DeliveryReport = "Microsoft.Communication.SMSDeliveryReportReceived";
    private const string Received = "Microsoft.Communication.SMSReceived";

    public static void MapAcsSmsEvents(this IEndpointRouteBuilder app) =>
        app.MapPost(AcsCallbackUrls.BasePath + Path, EventsAsync).ExcludeFromDescription().DisableAntiforgery();

    private static async Task<IResult> EventsAsync(HttpRequest request, AcsOptions options, IGrainFactory grains, ITextReplies replies)
    {
        if (Refusal(options, request.Query["token"].ToString()) is { } refused)
        {
            CampaignTelemetry.WebhookSignatureFailures.Add(1, new KeyValuePair<string, object?>("provider", "acs"));
            return refused;
        }

        if (WebhookBody.Limit(request.HttpContext, WebhookBody.AcsMaxBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Invalid(ex.Message);
        }
        catch (Exception ex) when (WebhookBody.Unreadable(ex, WebhookBody.AcsMaxBytes) is { } unreadable)
        {
            return unreadable;
        }

        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Invalid("expected a JSON array of events");
            }

            foreach (var item in body.RootElement.EnumerateArray())
            {
                var type = Text(item, "eventType") ?? Text(item, "type");
                if (!item.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                switch (type)
                {
                    case Validation when Text(data, "validationCode") is { } code:
                        return Results.Ok(new { validationResponse = code });
                    case DeliveryReport when CallText.CallIdOf(Text(data, "tag")) is { } callId && Status(Text(data, "deliveryStatus")) is { } status:
                        var error = status == TextStatus.Delivered ? null : Text(data, "deliveryStatusDetails") ?? Text(data, "deliveryStatus");
                        await grains.GetGrain<ICallGrain>(callId).OnTextReportAsync(new TextReport(Text(data, "tag")!, status, error));
                        break;
                    case Received when Text(data, "from") is { Length: > 0 } from:
                        await replies.ReceivedAsync(from, Text(data, "message") ?? "", request.HttpContext.RequestAborted);
                        break;
                }
            }
        }

        return Results.Ok();
    }

    /// <summary>ACS delivery statuses; others (none is documented besides these) are ignored.</summary>
    public static TextStatus? Status(string? deliveryStatus) => deliveryStatus?.ToLowerInvariant() switch
    {
        "delivered" => TextStatus.Delivered,
        "undelivered" => TextStatus.Undelivered,
        "failed" => TextStatus.Failed,
        _ => null,
    };

    private static IResult? Refusal(AcsOptions options, string token)
    {
        if (token.Length == 0 || options.SmsEventsToken.Length == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The SMS events URL has no token, or none is configured.");
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(options.SmsEventsToken))
            ? null
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The SMS events token does not match.");
    }

    private static IResult Invalid(string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid request",
        detail: $"body: {detail}",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [detail] } });

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
