using Campaign.Abstractions.Campaigns;
using Microsoft.Extensions.Options;

namespace Campaign.Grains.Compliance;

/// <summary>Decides whether a customer may be called now, in their local time, under the law and the campaign's window.</summary>
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

    /// <summary>The zone to use for a customer: their own, else their area's, else the campaign's, else the default.</summary>
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

    /// <summary>
    /// Whether the law (of the customer's <paramref name="country"/>, by phone number; else the default bound) and the
    /// configured narrowing allow calling now in the customer's local time: inside the hours, and not on a day the
    /// country's law or the configuration keeps free of calls.
    /// </summary>
    public bool IsLegal(TimeZoneInfo zone, DateTimeOffset now, string? country = null)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var (from, to) = HoursFor(country);
        return local.TimeOfDay >= from && local.TimeOfDay < to
            && CountryCallingLaws.Default.Any(p => p.Contains(local))
            && CountryCallingLaws.For(country).Any(p => p.Contains(local))
            && !IsNoCallDay(country, DateOnly.FromDateTime(local.DateTime));
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

    public bool IsOpen(TimeZoneInfo zone, DateTimeOffset now, CallingWindow? window)
    {
        if (!IsLegal(zone, now))
        {
            return false;
        }

        if (window is null)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        return (window.Days.Count == 0 || window.Days.Contains(local.DayOfWeek))
            && local.TimeOfDay >= window.From
            && local.TimeOfDay < window.To;
    }
}
