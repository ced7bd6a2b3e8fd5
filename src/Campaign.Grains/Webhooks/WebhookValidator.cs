using System.Net;
using Campaign.Abstractions.Webhooks;

namespace Campaign.Grains.Webhooks;

/// <summary>
/// Checks a registration: an absolute HTTPS URL (HTTP only to a loopback host when
/// <see cref="WebhookOptions.AllowLoopbackHttp"/> is on), at least one event and only known ones, and a secret of at
/// least <see cref="WebhookOptions.MinSecretLength"/> characters. Throws <see cref="WebhookException"/> naming the field.
/// </summary>
public static class WebhookValidator
{
    public const int MaxUrlLength = 2048;
    public const int MaxSecretLength = 256;

    public static (Uri Url, IReadOnlyList<string> Events, string Secret) Validate(WebhookRegistration registration, WebhookOptions options)
    {
        var url = ValidateUrl(registration.Url, options.AllowLoopbackHttp);
        var events = ValidateEvents(registration.Events);
        var secret = registration.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            throw new WebhookException($"secret is missing: a shared secret of at least {options.MinSecretLength} characters that signs each delivery", "secret");
        }

        if (secret.Length < options.MinSecretLength || secret.Length > MaxSecretLength)
        {
            throw new WebhookException($"secret must be {options.MinSecretLength} to {MaxSecretLength} characters long", "secret");
        }

        return (url, events, secret);
    }

    private static Uri ValidateUrl(string? text, bool allowLoopbackHttp)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new WebhookException("url is missing: the absolute HTTPS address deliveries are posted to", "url");
        }

        if (text.Length > MaxUrlLength || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Host.Length == 0)
        {
            throw new WebhookException($"url '{Shorten(text)}' is not an absolute URL", "url");
        }

        if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new WebhookException("url must not carry credentials or a fragment", "url");
        }

        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return url;
        }

        if (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url))
        {
            return allowLoopbackHttp
                ? url
                : throw new WebhookException("url must be HTTPS; HTTP to a loopback host is allowed only in Development or with Webhooks:AllowLoopbackHttp", "url");
        }

        throw new WebhookException("url must be HTTPS (HTTP is allowed only to a loopback host, in Development)", "url");
    }

    private static IReadOnlyList<string> ValidateEvents(IReadOnlyList<string?>? events)
    {
        if (events is null || events.Count == 0)
        {
            throw new WebhookException($"events is empty: name at least one of {string.Join(", ", WebhookEventTypes.All)}", "events");
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (!WebhookEventTypes.IsKnown(events[i]))
            {
                throw new WebhookException(
                    $"events[{i}] '{Shorten(events[i] ?? "null")}' is not an event; use {string.Join(", ", WebhookEventTypes.All)}", $"events[{i}]");
            }
        }

        return events.Select(e => e!).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>localhost, 127.0.0.0/8 or ::1; names other than localhost are not resolved, so they are not loopback.</summary>
    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || string.Equals(url.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
