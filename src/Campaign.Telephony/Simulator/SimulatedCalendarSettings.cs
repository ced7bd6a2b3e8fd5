using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Campaign.Telephony.Simulator;

/// <summary>
/// <c>Telephony:Simulator:Calendar:Start</c> (an ISO 8601 instant with its offset, default now) and
/// <c>Telephony:Simulator:Calendar:Speed</c> (simulated seconds per real second, default 1: the real clock). A calendar
/// that is not the real one is refused with any provider but the simulator: real people are called on real time.
/// </summary>
public static class SimulatedCalendarSettings
{
    public const string Section = "Telephony:Simulator:Calendar";
    public const string StartKey = Section + ":Start";
    public const string SpeedKey = Section + ":Speed";

    /// <summary>The configured calendar over <paramref name="real"/>, or null when the engine follows the real clock.</summary>
    public static SimulatedCalendar? Read(IConfiguration configuration, TimeProvider real)
    {
        var startText = configuration[StartKey];
        var speedText = configuration[SpeedKey];
        if (string.IsNullOrWhiteSpace(startText) && string.IsNullOrWhiteSpace(speedText))
        {
            return null;
        }

        var provider = configuration["Telephony:Provider"] is { Length: > 0 } name ? name : "Simulator";
        if (!provider.Equals("Simulator", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{Section} is set but Telephony:Provider is '{provider}': a simulated calendar is for the simulator only, real calls follow the real clock. Remove {StartKey} and {SpeedKey}.");
        }

        var speed = 1.0;
        if (!string.IsNullOrWhiteSpace(speedText)
            && (!double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out speed) || !double.IsFinite(speed) || speed < 1 || speed > MaxSpeed))
        {
            throw new InvalidOperationException($"{SpeedKey} '{speedText}' is not a number from 1 to {MaxSpeed} (simulated seconds per real second).");
        }

        var start = real.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(startText)
            && !DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
        {
            throw new InvalidOperationException($"{StartKey} '{startText}' is not an instant such as 2026-12-07T08:00:00Z.");
        }

        return new SimulatedCalendar(start.ToUniversalTime(), speed, real);
    }

    /// <summary>
    /// At most a simulated hour per real second: the dialler looks at due work four times a second, so each look covers
    /// at most a quarter of an hour and no calling window is skipped.
    /// </summary>
    public const double MaxSpeed = 3_600;
}
