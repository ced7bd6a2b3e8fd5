using System.Globalization;
using System.Text.RegularExpressions;

namespace Campaign.Host.Ui;

/// <summary>Colours and labels shared by the server-rendered charts; app.js mirrors <see cref="HeatColor"/>.</summary>
public static class Charts
{
    public static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    public const string NoData = "#eef1f5";

    /// <summary>From pale to deep teal as the answer rate grows; a distinct grey where nobody was called.</summary>
    public static string HeatColor(double? rate)
    {
        if (rate is not { } r)
        {
            return NoData;
        }

        r = Math.Clamp(r, 0, 1);
        var (red, green, blue) = (Lerp(224, 13, r), Lerp(242, 110, r), Lerp(241, 110, r));
        return $"rgb({red},{green},{blue})";
    }

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "no attempts";

    /// <summary>Who paused a campaign and why, as the dashboard says it; app.js writes the same.</summary>
    public static string PausedBy(string? by, string? reason) => by is null ? "" : reason is null ? $"Paused by {by}" : $"Paused by {by}: {reason}";

    /// <summary>A rate with one decimal, for the abandoned-call rate; app.js writes the same.</summary>
    public static string Percent1(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"48% / 51%": learned timing's expected answer rate against the actual one; "–" before any call.</summary>
    public static string ExpectedActual(double? expected, double? actual, int calls) =>
        calls == 0 ? "–" : $"{Percent(expected)} / {Percent(actual)}";

    /// <summary>A wait in words: "45 min", "2 h 8 min", "3 d 4 h".</summary>
    public static string Until(TimeSpan wait) => wait.TotalMinutes < 60
        ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} min"
        : wait.TotalHours < 24 ? $"{(int)wait.TotalHours} h {wait.Minutes} min" : $"{(int)wait.TotalDays} d {wait.Hours} h";

    /// <summary>Milliseconds as seconds with one decimal ("0.8 s").</summary>
    public static string Seconds(int milliseconds) => (milliseconds / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"NotInterested" → "Not interested", for enum values shown to people.</summary>
    public static string Words(object? value) => value is null ? "–" : Regex.Replace(value.ToString()!, "(?<=[a-z])([A-Z])", m => " " + char.ToLowerInvariant(m.Value[0]));

    /// <summary>Seconds as m:ss (or h:mm:ss), for call durations.</summary>
    public static string Elapsed(int seconds) => seconds >= 3600
        ? TimeSpan.FromSeconds(seconds).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : TimeSpan.FromSeconds(seconds).ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private static int Lerp(int from, int to, double t) => (int)Math.Round(from + ((to - from) * t));
}
