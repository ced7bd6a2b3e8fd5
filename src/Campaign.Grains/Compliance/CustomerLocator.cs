using System.Collections.Concurrent;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Campaign.Grains.Compliance;

/// <summary>
/// Places a customer for calling hours. The time zone comes from, in order: the imported one; the phone number
/// (libphonenumber's zone map, which may give several candidates); the area's configured zone; else it is unknown
/// and the customer is not called. The jurisdictions are the phone's country and, in the US, the state of its area
/// code and the customer's own <c>state</c> attribute when they differ.
/// </summary>
public sealed class CustomerLocator(IOptions<ComplianceOptions> options) : ICallingPlaces
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberToTimeZonesMapper ZoneMap = PhoneNumberToTimeZonesMapper.GetInstance();
    private static readonly HashSet<string> UsStates = [.. UsAreaCodes.All.Values];
    private const int MaxCachedPrefixes = 100_000;
    private readonly ConcurrentDictionary<string, (string[] Zones, string[] Jurisdictions)> _byPhonePrefix = new(StringComparer.Ordinal);

    public CallingPlace Locate(CustomerProfile profile) =>
        Locate(profile.TimeZone, profile.Phone, profile.Area, profile.Attributes.GetValueOrDefault("state"));

    public CallingPlace Locate(string? timeZone, string? phone, string? area, string? state = null)
    {
        var (phoneZones, jurisdictions) = FromPhone(phone);
        if (StateJurisdiction(state) is { } customerState && jurisdictions.Length > 0 && jurisdictions[0] == "US" && !jurisdictions.Contains(customerState))
        {
            jurisdictions = [.. jurisdictions, customerState];
        }

        if (Known(timeZone) is { } imported)
        {
            return new CallingPlace([imported], TimeZoneSource.Imported, jurisdictions);
        }

        if (phoneZones.Length > 0)
        {
            return new CallingPlace(phoneZones, TimeZoneSource.Phone, jurisdictions);
        }

        if (area is not null && options.Value.AreaTimeZones.TryGetValue(area.Trim(), out var areaZone) && Known(areaZone) is { } byArea)
        {
            return new CallingPlace([byArea], TimeZoneSource.Area, jurisdictions);
        }

        return CallingPlace.Unknown(jurisdictions);
    }

    /// <summary>A zone to show a customer's times in: their place's first zone, else <paramref name="fallbackZone"/>, else the configured default.</summary>
    public TimeZoneInfo DisplayZone(CustomerProfile? customer, string? fallbackZone)
    {
        if (customer is not null && Locate(customer) is { IsKnown: true } place)
        {
            return TimeZoneInfo.FindSystemTimeZoneById(place.Zones[0]);
        }

        foreach (var id in new[] { fallbackZone, options.Value.DefaultTimeZone })
        {
            if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }

    public string KeyOf(string? timeZone, string? phone, string? area, string? state) => Locate(timeZone, phone, area, state).Key;

    /// <summary>The zones and jurisdictions of a number, cached by the part of it that decides them.</summary>
    private (string[] Zones, string[] Jurisdictions) FromPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return ([], []);
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(phone, null);
        }
        catch (NumberParseException)
        {
            return ([], []);
        }

        // Zone maps and area codes key on the leading digits; seven of the national number decide both everywhere.
        var national = number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var prefix = $"{number.CountryCode}:{new string('0', number.HasNumberOfLeadingZeros ? number.NumberOfLeadingZeros : 0)}{national[..Math.Min(7, national.Length)]}:{national.Length}";
        if (_byPhonePrefix.Count > MaxCachedPrefixes)
        {
            _byPhonePrefix.Clear();
        }

        return _byPhonePrefix.GetOrAdd(prefix, _ =>
        {
            var zones = ZoneMap.GetTimeZonesForNumber(number)
                .Where(z => z != "Etc/Unknown" && TimeZoneInfo.TryFindSystemTimeZoneById(z, out TimeZoneInfo? _))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var country = PhoneCountry.Of(number);
            string[] jurisdictions = country is null ? [] : country == "US" && UsAreaCodes.StateOfPhone(phone) is { } usState ? [country, $"US-{usState}"] : [country];
            return (zones, jurisdictions);
        });
    }

    private static string? StateJurisdiction(string? state) =>
        state?.Trim().ToUpperInvariant() is { Length: 2 } code && UsStates.Contains(code) ? $"US-{code}" : null;

    private static string? Known(string? zone) =>
        !string.IsNullOrWhiteSpace(zone) && TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out var found) ? found.Id : null;
}
