using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Options;

namespace Campaign.Host.Ui;

/// <summary>The admin pages' time zone for operations (<c>Ui:TimeZone</c>, an IANA name; UTC by default).</summary>
public sealed class OperatorTimeOptions
{
    public string TimeZone { get; set; } = "UTC";
}

/// <summary>
/// Times of operations (created, saved, started, ended, added, decided…) as the pages show them: in the operator's
/// zone, to the minute, always followed by the zone's name, with the exact instant in the <c>time</c> element.
/// A customer's local time is shown in the customer's own zone instead, also named (see the call page and follow-ups).
/// </summary>
public sealed class OperatorTime(IOptions<OperatorTimeOptions> options)
{
    private readonly TimeZoneInfo _zone = Find(options.Value.TimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>The zone's name as the pages print it: <c>UTC</c> or the IANA name (<c>Europe/Lisbon</c>).</summary>
    public string Zone => _zone == TimeZoneInfo.Utc ? "UTC" : _zone.Id;

    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id is "UTC" or "Etc/UTC")
        {
            return string.IsNullOrWhiteSpace(id) ? null : TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>"2026-12-05 11:40 UTC"; with <paramref name="seconds"/>, "2026-12-05 11:40:07 UTC".</summary>
    public string Format(DateTimeOffset at, bool seconds = false) =>
        TimeZoneInfo.ConvertTime(at, _zone).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + Zone;

    /// <summary><see cref="Format"/>, or <paramref name="none"/> for no time.</summary>
    public string Format(DateTimeOffset? at, string none, bool seconds = false) => at is { } instant ? Format(instant, seconds) : none;

    /// <summary>A <c>time</c> element: the instant in ISO 8601 (UTC) as its value, <see cref="Format"/> as its text.</summary>
    public IHtmlContent Html(DateTimeOffset at, bool seconds = false) => new HtmlString(
        $"<time datetime=\"{at.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}\">{System.Net.WebUtility.HtmlEncode(Format(at, seconds))}</time>");

    /// <summary><see cref="Html(DateTimeOffset, bool)"/>, or <paramref name="none"/> for no time.</summary>
    public IHtmlContent Html(DateTimeOffset? at, string none, bool seconds = false) =>
        at is { } instant ? Html(instant, seconds) : new HtmlString(System.Net.WebUtility.HtmlEncode(none));
}
