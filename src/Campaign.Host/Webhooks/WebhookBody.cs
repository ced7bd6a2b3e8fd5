using Campaign.Host.Api;

namespace Campaign.Host.Webhooks;

/// <summary>The size limits of providers' callbacks; nobody gets a provider endpoint to read megabytes.</summary>
internal static class WebhookBody
{
    /// <summary>Twilio's form callbacks are a few kilobytes; this leaves room for long speech results.</summary>
    public const long TwilioMaxBytes = 64 * 1024;

    /// <summary>Call Automation posts small arrays of CloudEvents.</summary>
    public const long AcsMaxBytes = 1024 * 1024;

    /// <summary>413 when the declared length is over <paramref name="maxBytes"/>; otherwise caps the read and returns null.</summary>
    public static IResult? Limit(HttpContext http, long maxBytes) => RequestBodyLimit.DeclaredTooLarge(http, maxBytes) ? TooLarge(maxBytes) : null;

    /// <summary>The answer to a callback body that cannot be read: too long (413) or not well formed (400).</summary>
    public static IResult? Unreadable(Exception ex, long maxBytes) => RequestBodyLimit.Unreadable(ex, () => TooLarge(maxBytes), "body");

    private static IResult TooLarge(long maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large",
        detail: $"A callback body is at most {maxBytes / 1024} KB.");
}
