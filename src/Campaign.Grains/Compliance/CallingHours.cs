using Campaign.Abstractions.Campaigns;
using Microsoft.Extensions.Options;

namespace Campaign.Grains.Compliance;

/// <summary>
/// Decides whether a customer may be called now: in every time zone they may be in, under every jurisdiction that
/// holds for them (<see cref="CallingRules"/>, the strictest wins), the configured narrowing and no-call days, and the
/// campaign's own window. A customer whose time zone is unknown is never callable.
/// </summary>
public sealed class CallingHours(IOptions<ComplianceOptions> options)
{
    private readonly HashSet<DateOnly> _noCallDates = [.. ComplianceOptionsValidator.Dates(options.Value.NoCallDates)];
    private readonly Dictionary<string, HashSet<DateOnly>> _countryNoCallDates = options.Value.Countries.ToDictionary(
        c => c.Key, c => ComplianceOptionsValidator.Dates(c.Value.NoCallDates).ToHashSet(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The legal bound, narrowed by configuration but never widened.</summary>
    public (TimeSpan From, TimeSpan To) LegalHours
    {
        get
        {
            var configured = options.Value;
            var from = configured.CallingHoursFrom < ComplianceOptions.LegalFrom ? ComplianceOptions.LegalFrom : configured.CallingHoursFrom;
            var to = configured.CallingHoursTo > ComplianceOptions.LegalTo ? ComplianceOptions.LegalTo : configured.CallingHoursTo;
            return (from, to);
        }
    }

    /// <summary>
    /// A zone for showing a time to an operator (a callback's local time, a campaign's day for its budgets): the
    /// customer's, else their area's, else the campaign's, else <see cref="ComplianceOptions.DefaultTimeZone"/>.
    /// Never used to decide whether a customer may be called: <see cref="Check"/> takes their <see cref="CallingPlace"/>.
    /// </summary>
    public TimeZoneInfo ZoneFor(string? customerZone, string? area, string? campaignZone)
    {
        foreach (var id in new[] { customerZone, area is null ? null : options.Value.AreaTimeZones.GetValueOrDefault(area), campaignZone, options.Value.DefaultTimeZone })
        {
            if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }

    /// <summary>Whether the law lets the customer be called now, in every zone they may be in.</summary>
    public bool IsLegal(CallingPlace place, DateTimeOffset now) => Check(place, now, window: null).Open;

    /// <summary>Whether the law and the campaign's window let the customer be called now.</summary>
    public bool IsOpen(CallingPlace place, DateTimeOffset now, CallingWindow? window) => Check(place, now, window).Open;

    /// <summary>The decision for one customer now, with the rule that closed it and why, in words an operator can defend.</summary>
    public WindowCheck Check(CallingPlace place, DateTimeOffset now, CallingWindow? window)
    {
        if (!place.IsKnown)
        {
            return WindowCheck.Closed(ComplianceRules.TimeZoneUnknown, "the customer's time zone cannot be known (no imported zone, the phone number maps to none, no zone configured for the area)", null, null);
        }

        var country = place.Jurisdictions.Count > 0 ? place.Jurisdictions[0] : null;
        var rules = Rules(place).ToList();
        var (from, to) = HoursFor(country);
        foreach (var id in place.Zones)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return WindowCheck.Closed(ComplianceRules.TimeZoneUnknown, $"'{id}' is not a known time zone", id, null);
            }

            var local = TimeZoneInfo.ConvertTime(now, zone);
            var at = $"{local:ddd HH:mm} in {id}";
            if (rules.FirstOrDefault(r => !r.Allows(local)) is { } closedBy)
            {
                return WindowCheck.Closed(ComplianceRules.CallingHours, $"{at}: {closedBy.Name} allows {closedBy.HoursOn(local)} ({closedBy.Citation})", id, local);
            }

            if (local.TimeOfDay < from || local.TimeOfDay >= to)
            {
                return WindowCheck.Closed(ComplianceRules.CallingHours, $"{at}: the configured calling hours are {from:hh\\:mm}–{to:hh\\:mm}", id, local);
            }

            if (IsNoCallDay(country, DateOnly.FromDateTime(local.DateTime)))
            {
                return WindowCheck.Closed(ComplianceRules.CallingHours, $"{local:yyyy-MM-dd} in {id} is a no-call day (public holiday or configured)", id, local);
            }

            if (window is not null && !Within(window, local))
            {
                return WindowCheck.Closed(ComplianceRules.CampaignWindow, $"{at}: the campaign calls {Describe(window)}", id, local);
            }
        }

        var first = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(place.Zones[0]));
        var laws = string.Join(", ", rules.Select(r => r.Jurisdiction));
        return new WindowCheck(true, ComplianceRules.CallingHours, $"{first:ddd HH:mm} in {string.Join(" and ", place.Zones)}: lawful under {laws}", place.Zones[0], first);
    }

    /// <summary>The rules a place is held to: the default bound always, and every jurisdiction of theirs that has rules.</summary>
    public static IEnumerable<CallingRule> Rules(CallingPlace place)
    {
        yield return CallingRules.Default;
        foreach (var jurisdiction in place.Jurisdictions)
        {
            if (CallingRules.Of(jurisdiction) is { } rule && rule != CallingRules.Default)
            {
                yield return rule;
            }
        }
    }

    /// <summary>A public holiday of the country on which its law forbids calls, or a day configured free of calls.</summary>
    public bool IsNoCallDay(string? country, DateOnly localDate) =>
        PublicHolidays.IsNoCallDay(country, localDate)
        || _noCallDates.Contains(localDate)
        || (country is not null && _countryNoCallDates.TryGetValue(country, out var dates) && dates.Contains(localDate));

    /// <summary>The configured hours for a country's customers: the global narrowing, narrowed again by the country's.</summary>
    public (TimeSpan From, TimeSpan To) HoursFor(string? country)
    {
        var (from, to) = LegalHours;
        if (country is not null && options.Value.Countries.TryGetValue(country, out var narrower))
        {
            if (narrower.CallingHoursFrom is { } f && f > from)
            {
                from = f;
            }

            if (narrower.CallingHoursTo is { } t && t < to)
            {
                to = t;
            }
        }

        return (from, to);
    }

    private static bool Within(CallingWindow window, DateTimeOffset local) =>
        (window.Days.Count == 0 || window.Days.Contains(local.DayOfWeek)) && local.TimeOfDay >= window.From && local.TimeOfDay < window.To;

    private static string Describe(CallingWindow window) =>
        $"{window.From:hh\\:mm}–{window.To:hh\\:mm}" + (window.Days.Count is 0 or 7 ? "" : " on " + string.Join(", ", window.Days.Select(d => d.ToString()[..3])));
}

/// <summary>One calling-hours decision: open or not, the rule that decided, why, and the zone and local time it was judged in.</summary>
public sealed record WindowCheck(bool Open, string Rule, string Detail, string? Zone, DateTimeOffset? LocalTime)
{
    public static WindowCheck Closed(string rule, string detail, string? zone, DateTimeOffset? local) => new(false, rule, detail, zone, local);
}

/// <summary>The stable names of the rules a dial decision can cite (docs/compliance.md lists them).</summary>
public static class ComplianceRules
{
    public const string DoNotCall = "doNotCall";
    public const string CallingHours = "callingHours";
    public const string CampaignWindow = "campaignWindow";
    public const string TimeZoneUnknown = "timeZoneUnknown";
    public const string FrequencyCap = "frequencyCap";
    public const string AttemptLimit = "attemptLimit";
    public const string DailyBudget = "dailyBudget";
    public const string Consent = "consent";
    public const string CustomerBusy = "customerBusy";
    public const string UnknownCustomer = "unknownCustomer";
}
