using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Campaign.Telephony.Http;

/// <summary>
/// The size limits of providers' callbacks; nobody gets a provider endpoint to read megabytes. A declared length over
/// the limit is refused at once, and a body that turns out longer while it streams in stops being read at the limit.
/// </summary>
internal static class WebhookBody
{
    /// <summary>Twilio's form callbacks are a few kilobytes; this leaves room for long speech results.</summary>
    public const long TwilioMaxBytes = 64 * 1024;

    /// <summary>Call Automation posts small arrays of CloudEvents.</summary>
    public const long AcsMaxBytes = 1024 * 1024;

    /// <summary>413 when the declared length is over <paramref name="maxBytes"/>; otherwise caps the read and returns null.</summary>
    public static IResult? Limit(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        return null;
    }

    /// <summary>The answer to a callback body that cannot be read: too long (413) or not well formed (400); null for other faults.</summary>
    public static IResult? Unreadable(Exception ex, long maxBytes) => ex switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(maxBytes),
        BadHttpRequestException or InvalidDataException => Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid request",
            detail: $"the body cannot be read: {ex.Message}",
            extensions: new Dictionary<string, object?> { ["field"] = "body" }),
        _ => null,
    };

    private static IResult TooLarge(long maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large",
        detail: $"A callback body is at most {maxBytes / 1024} KB.");
}
