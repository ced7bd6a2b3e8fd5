using Campaign.Grains.Compliance;

namespace Campaign.Host.Ui;

/// <summary>Where a customer's time zone came from, in an operator's words.</summary>
public static class TimeZoneSources
{
    public static string Describe(CallingPlace place) => place.Source switch
    {
        TimeZoneSource.Imported => "imported",
        TimeZoneSource.Phone when place.Zones.Count > 1 => "from the phone number; a call must be lawful in each",
        TimeZoneSource.Phone => "from the phone number",
        TimeZoneSource.Area => "configured for the area",
        _ => "unknown",
    };
}
