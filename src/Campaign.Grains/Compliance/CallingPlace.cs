namespace Campaign.Grains.Compliance;

/// <summary>Where a customer's time zone came from, best first.</summary>
public enum TimeZoneSource
{
    Imported,
    Phone,
    Area,
    Unknown,
}

/// <summary>
/// Where and under which laws a customer is called: every time zone they may be in (a number can map to several; a call
/// must be lawful in each), where that came from, and the jurisdictions that hold (country, then US state).
/// A campaign's work list keeps it as a <see cref="Key"/>, so customers placed alike share one calling window.
/// </summary>
public sealed record CallingPlace(IReadOnlyList<string> Zones, TimeZoneSource Source, IReadOnlyList<string> Jurisdictions)
{
    public static CallingPlace Unknown(IReadOnlyList<string> jurisdictions) => new([], TimeZoneSource.Unknown, jurisdictions);

    public bool IsKnown => Zones.Count > 0;

    /// <summary>The most specific jurisdiction ("US-FL", "FR"); null when the country is unknown.</summary>
    public string? Jurisdiction => Jurisdictions.Count == 0 ? null : Jurisdictions[^1];

    /// <summary>"America/Boise America/Los_Angeles@US,US-ID"; "" when no zone is known (such a customer is never called).</summary>
    public string Key => IsKnown ? string.Join(' ', Zones) + (Jurisdictions.Count == 0 ? "" : "@" + string.Join(',', Jurisdictions)) : "";

    /// <summary>
    /// The place a <see cref="Key"/> names. A bare zone (work lists written before places had jurisdictions) has none:
    /// the default rule holds for it, and the call grain checks the customer's own place again before dialling.
    /// </summary>
    public static CallingPlace Parse(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Unknown([]);
        }

        var at = key.IndexOf('@', StringComparison.Ordinal);
        var zones = (at < 0 ? key : key[..at]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var jurisdictions = at < 0 ? [] : key[(at + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new CallingPlace(zones, TimeZoneSource.Imported, jurisdictions);
    }
}
