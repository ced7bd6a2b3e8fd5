using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Telephony;
using Campaign.Telephony.Http;
using Microsoft.AspNetCore.Mvc;

namespace Campaign.Telephony.Twilio;

/// <summary>
/// Twilio's webhooks for text messages, signed like the voice webhooks: a text's delivery reports (the call grain
/// keeps the status moving forward only, so a replayed or late report changes nothing), and the messages customers
/// send to the number (a stop keyword opts the number out). The incoming-message answer is empty TwiML: the reply to
/// STOP is Twilio's own.
/// </summary>
public static class TwilioTextWebhooks
{
    private const string EmptyResponse = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static void MapTwilioTextWebhooks(this IEndpointRouteBuilder app)
    {
        var signed = app.MapGroup(TwilioUrls.BasePath)
            .AddEndpointFilter<TwilioSignatureFilter>()
            .ExcludeFromDescription();
        signed.MapPost("/sms-status", StatusAsync).AddEndpointFilter<KnownCallFilter>().DisableAntiforgery();
        signed.MapPost("/sms", IncomingAsync).DisableAntiforgery();
    }

    private static async Task<IResult> StatusAsync([FromQuery] string callId, [FromQuery] string? textId, HttpRequest request, IGrainFactory grains)
    {
        var form = await request.ReadFormAsync();
        if (textId is { Length: > 0 } && TwilioTextStatus.Of(form["MessageStatus"]) is { } status)
        {
            var error = status is TextStatus.Failed or TextStatus.Undelivered && form["ErrorCode"].ToString() is { Length: > 0 } code
                ? $"Twilio error {code}"
                : null;
            await grains.GetGrain<ICallGrain>(callId).OnTextReportAsync(new TextReport(textId, status, error));
        }

        return Results.NoContent();
    }

    private static async Task<IResult> IncomingAsync(HttpRequest request, ITextReplies replies)
    {
        var form = await request.ReadFormAsync();
        var from = form["From"].ToString();
        if (from.Length > 0)
        {
            await replies.ReceivedAsync(from, form["Body"].ToString(), request.HttpContext.RequestAborted);
        }

        return Results.Content(EmptyResponse, "text/xml");
    }
}
