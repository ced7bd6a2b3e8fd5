using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Campaign.Grains.Compliance;

/// <summary>
/// The calling-hours laws by jurisdiction (a country's ISO code, or <c>US-FL</c> for a US state), read from
/// <c>Data/calling-rules.json</c>, each with its citation. A person is held to every jurisdiction that applies to them;
/// a country without rules of its own gets <see cref="Default"/>, the US federal bound, which is also the widest any
/// configuration can reach.
/// </summary>
public static class CallingRules
{
    private static readonly Dictionary<string, CallingRule> Rules = Load();

    /// <summary>The rule for countries without one of their own.</summary>
    public static CallingRule Default { get; } = Rules["US"];

    public static IReadOnlyCollection<CallingRule> All => Rules.Values;

    public static bool Has(string jurisdiction) => Rules.ContainsKey(jurisdiction);

    /// <summary>The rule of a jurisdiction, or null when it has none of its own.</summary>
    public static CallingRule? Of(string jurisdiction) => Rules.GetValueOrDefault(jurisdiction);

    private static Dictionary<string, CallingRule> Load()
    {
        using var stream = typeof(CallingRules).Assembly.GetManifestResourceStream("Campaign.Grains.Compliance.Data.calling-rules.json")
            ?? throw new InvalidOperationException("the calling rules are missing from the assembly");
        var file = JsonSerializer.Deserialize<RulesFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("the calling rules are empty");
        return file.Jurisdictions.Select(ToRule).ToDictionary(r => r.Jurisdiction, StringComparer.OrdinalIgnoreCase);
    }

    private static CallingRule ToRule(RuleEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Code) || string.IsNullOrWhiteSpace(entry.Citation) || entry.Periods.Count == 0)
        {
            throw new InvalidOperationException($"calling rule '{entry.Code}' needs a code, a citation and at least one period");
        }

        var periods = entry.Periods.Select(p => new CallingPeriod(
            p.Days.Select(Day).ToList(),
            TimeSpan.ParseExact(p.From, @"hh\:mm", CultureInfo.InvariantCulture),
            TimeSpan.ParseExact(p.To, @"hh\:mm", CultureInfo.InvariantCulture))).ToList();
        return new CallingRule(entry.Code, entry.Name ?? entry.Code, entry.Citation, periods, entry.MaxCallsPer24Hours, entry.PublicHolidays);
    }

    private static DayOfWeek Day(string day) => day.ToLowerInvariant() switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        "sun" => DayOfWeek.Sunday,
        _ => throw new InvalidOperationException($"'{day}' is not a day (mon..sun)"),
    };

    private sealed record RulesFile([property: JsonPropertyName("jurisdictions")] List<RuleEntry> Jurisdictions);

    private sealed record RuleEntry(string Code, string? Name, string Citation, List<PeriodEntry> Periods, int? MaxCallsPer24Hours, bool PublicHolidays);

    private sealed record PeriodEntry(List<string> Days, string From, string To);
}

/// <summary>When one jurisdiction lets a business call: the periods of the week, and how often one person may be called.</summary>
public sealed record CallingRule(
    string Jurisdiction,
    string Name,
    string Citation,
    IReadOnlyList<CallingPeriod> Periods,
    int? MaxCallsPer24Hours,
    bool PublicHolidays)
{
    public bool Allows(DateTimeOffset local) => Periods.Any(p => p.Contains(local));

    /// <summary>The hours allowed on the day of <paramref name="local"/>, for messages ("08:00–20:00"); "no calls" when none.</summary>
    public string HoursOn(DateTimeOffset local)
    {
        var today = Periods.Where(p => p.Days.Contains(local.DayOfWeek)).Select(p => $"{p.From:hh\\:mm}–{p.To:hh\\:mm}").ToList();
        return today.Count == 0 ? $"no calls on {local.DayOfWeek}" : string.Join(" and ", today);
    }
}

/// <summary>A stretch of the day (<see cref="From"/> inclusive, <see cref="To"/> exclusive) on the given days.</summary>
public sealed record CallingPeriod(IReadOnlyList<DayOfWeek> Days, TimeSpan From, TimeSpan To)
{
    public bool Contains(DateTimeOffset local) =>
        Days.Contains(local.DayOfWeek) && local.TimeOfDay >= From && local.TimeOfDay < To;
}
