using Campaign.Abstractions.Telemetry;
using Campaign.Telephony.Http;
using Twilio.Security;

namespace Campaign.Telephony.Twilio;

/// <summary>
/// Lets a Twilio webhook through only with a valid <c>X-Twilio-Signature</c>: an HMAC over the public URL Twilio
/// called (configured base URL + path + query, as proxies rewrite the host) and the form fields. A request with no
/// signature is refused before its body is read, and a body over <see cref="WebhookBody.TwilioMaxBytes"/> is never read.
/// </summary>
internal sealed class TwilioSignatureFilter(TwilioOptions options) : IEndpointFilter
{
    private readonly RequestValidator _validator = new(options.AuthToken);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
        if (signature.Length == 0)
        {
            return Forbidden();
        }

        if (!http.WebSockets.IsWebSocketRequest && WebhookBody.Limit(http, WebhookBody.TwilioMaxBytes) is { } refused)
        {
            return refused;
        }

        Dictionary<string, string> parameters;
        try
        {
            parameters = http.Request.HasFormContentType
                ? (await http.Request.ReadFormAsync(http.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString())
                : [];
        }
        catch (Exception ex) when (WebhookBody.Unreadable(ex, WebhookBody.TwilioMaxBytes) is { } unreadable)
        {
            return unreadable;
        }

        if (!_validator.Validate(PublicUrl(http), parameters, signature))
        {
            return Forbidden();
        }

        return await next(context);
    }

    private static IResult Forbidden()
    {
        CampaignTelemetry.WebhookSignatureFailures.Add(1, new KeyValuePair<string, object?>("provider", "twilio"));
        return Refused();
    }

    private static IResult Refused() => Results.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Forbidden",
        detail: "The X-Twilio-Signature header is missing or does not match this request.");

    /// <summary>The URL as Twilio called it; a WebSocket handshake was made to the ws/wss form of the public URL.</summary>
    private string PublicUrl(HttpContext http)
    {
        var url = options.PublicBaseUrl + http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return url;
        }

        return url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + url["https://".Length..] : "ws://" + url["http://".Length..];
    }
}
