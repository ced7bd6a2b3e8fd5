namespace Campaign.Grains.Campaigns;

/// <summary>
/// How fast a campaign's lines get through calls, measured from its own calls: a moving mean of the line time of an
/// attempt (from the dial to its end), the latest calls weighing most. Learned timing books holds by it: an hour is
/// held at most as many customers as the lines can call in <see cref="BookHours"/> hours at this pace, since a customer
/// held for an hour stays due in the good hours after it. Until a call has ended, the configured pace is assumed.
/// </summary>
public sealed class LinePace(double assumedCallsPerLineHour, double bookHours = LinePace.DefaultBookHours)
{
    /// <summary>
    /// Hours of line time booked per hour held: measured on the timing bench's model of a week, where four gave the most
    /// customers reached at 150 dials an hour and no fewer than <c>asap</c> with scarce lines.
    /// </summary>
    public const double DefaultBookHours = 4;

    /// <summary>The weight of the latest call in the mean: about the last twenty calls count.</summary>
    private const double LatestWeight = 0.05;

    private double? _meanSeconds;

    public double BookHours => bookHours;

    /// <summary>Calls a line makes in an hour: measured, or assumed until a call has ended.</summary>
    public double CallsPerLineHour => _meanSeconds is { } mean ? 3600 / mean : assumedCallsPerLineHour;

    /// <summary>Counts an ended attempt's line time (at least a second).</summary>
    public void Observe(TimeSpan lineTime)
    {
        var seconds = Math.Max(1, lineTime.TotalSeconds);
        _meanSeconds = _meanSeconds is { } mean ? mean + (LatestWeight * (seconds - mean)) : seconds;
    }

    /// <summary>The most customers held for any one hour with <paramref name="lines"/> lines.</summary>
    public int HeldPerHour(int lines) => (int)Math.Clamp(Math.Round(lines * CallsPerLineHour * bookHours), 1, int.MaxValue);
}
