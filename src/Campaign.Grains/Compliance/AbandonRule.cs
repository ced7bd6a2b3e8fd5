namespace Campaign.Grains.Compliance;

/// <summary>
/// The abandoned-call rule: an answered call is abandoned when the agent's first audio came later than
/// <see cref="AbandonAfter"/> after the answer (or never); a campaign whose abandoned share of the answered calls of the
/// last <see cref="WindowDays"/> days reaches <see cref="MaxRate"/> must stop dialling, once at least
/// <see cref="MinAnsweredCalls"/> answered calls make the rate meaningful.
/// </summary>
public sealed class AbandonRule(TimeSpan abandonAfter, double maxRate, int minAnsweredCalls)
{
    public const int WindowDays = 30;

    public TimeSpan AbandonAfter { get; } = abandonAfter;

    public double MaxRate { get; } = maxRate;

    public int MinAnsweredCalls { get; } = minAnsweredCalls;

    public static AbandonRule From(ComplianceOptions options) =>
        new(TimeSpan.FromMilliseconds(options.AbandonAfterMs), options.MaxAbandonRate, options.AbandonMinAnsweredCalls);

    /// <summary>Milliseconds from the answer to the first audio; null when the agent was never heard.</summary>
    public static int? FirstAudioMs(DateTimeOffset answeredAt, DateTimeOffset? firstAudioAt) =>
        firstAudioAt is { } heard ? (int)Math.Max(0, Math.Round((heard - answeredAt).TotalMilliseconds)) : null;

    public bool IsAbandoned(DateTimeOffset answeredAt, DateTimeOffset? firstAudioAt) =>
        firstAudioAt is not { } heard || heard - answeredAt > AbandonAfter;

    /// <summary>Counts one answered call at <paramref name="at"/> and forgets the days that left the window.</summary>
    public static void Record(AbandonWindow window, DateTimeOffset at, bool abandoned)
    {
        var today = Day(at);
        if (!window.Days.TryGetValue(today, out var day))
        {
            window.Days[today] = day = new AbandonDay();
        }

        day.Answered++;
        day.Abandoned += abandoned ? 1 : 0;
        foreach (var old in window.Days.Keys.Where(d => d <= today - WindowDays).ToList())
        {
            window.Days.Remove(old);
        }
    }

    /// <summary>Answered and abandoned calls of the window that ends at <paramref name="now"/> (today and the 29 days before).</summary>
    public static (int Answered, int Abandoned) Counts(AbandonWindow window, DateTimeOffset now)
    {
        var today = Day(now);
        var days = window.Days.Where(d => d.Key > today - WindowDays && d.Key <= today).Select(d => d.Value).ToList();
        return (days.Sum(d => d.Answered), days.Sum(d => d.Abandoned));
    }

    /// <summary>The abandoned share of the window's answered calls; 0 when none was answered.</summary>
    public static double Rate(AbandonWindow window, DateTimeOffset now)
    {
        var (answered, abandoned) = Counts(window, now);
        return answered == 0 ? 0 : (double)abandoned / answered;
    }

    /// <summary>Why the campaign must pause now, or null while it may go on.</summary>
    public string? PauseReason(AbandonWindow window, DateTimeOffset now)
    {
        var (answered, abandoned) = Counts(window, now);
        if (answered < MinAnsweredCalls || answered == 0)
        {
            return null;
        }

        var rate = (double)abandoned / answered;
        return rate < MaxRate
            ? null
            : $"abandoned-call rate {Percent(rate)} over the last {WindowDays} days ({abandoned} of {answered} answered calls) reached the limit of {Percent(MaxRate)}";
    }

    private static string Percent(double rate) => rate.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture);

    private static int Day(DateTimeOffset at) => (int)(at.UtcTicks / TimeSpan.TicksPerDay);
}
