namespace Campaign.Grains.Compliance;

/// <summary>
/// When the law lets a business phone consumers, by country (ISO 3166 code), in the called person's local time.
/// Configuration can only narrow these hours. A country not listed gets <see cref="Default"/>, the US TCPA bound, which
/// is also the widest any configuration can reach.
/// </summary>
public static class CountryCallingLaws
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly DayOfWeek[] Weekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];
    private static readonly DayOfWeek[] EveryDay = [.. Weekdays, .. Weekend];

    /// <summary>08:00–21:00 every day (47 CFR 64.1200(c)(1), the US TCPA).</summary>
    public static IReadOnlyList<CallingPeriod> Default { get; } = [new(EveryDay, At(8), At(21))];

    private static readonly Dictionary<string, IReadOnlyList<CallingPeriod>> Laws = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = Default,

        // CRTC Unsolicited Telecommunications Rules, Telemarketing Rules: weekdays 09:00–21:30, weekends 10:00–18:00.
        ["CA"] = [new(Weekdays, At(9), At(21, 30)), new(Weekend, At(10), At(18))],

        // Décret n° 2022-1313: weekdays 10:00–13:00 and 14:00–20:00, never at weekends.
        ["FR"] = [new(Weekdays, At(10), At(13)), new(Weekdays, At(14), At(20))],
    };

    /// <summary>The countries with rules of their own.</summary>
    public static IReadOnlyCollection<string> Countries => Laws.Keys;

    public static IReadOnlyList<CallingPeriod> For(string? country) =>
        country is not null && Laws.TryGetValue(country, out var law) ? law : Default;

    private static TimeSpan At(int hours, int minutes = 0) => new(hours, minutes, 0);
}

/// <summary>A stretch of the day (<see cref="From"/> inclusive, <see cref="To"/> exclusive) on the given days.</summary>
public sealed record CallingPeriod(IReadOnlyList<DayOfWeek> Days, TimeSpan From, TimeSpan To)
{
    public bool Contains(DateTimeOffset local) =>
        Days.Contains(local.DayOfWeek) && local.TimeOfDay >= From && local.TimeOfDay < To;
}
