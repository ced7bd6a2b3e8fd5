namespace Campaign.Storage.AzureTables;

/// <summary>What a campaign's work list needs to place each customer in a time zone: their own zone, else their area's.</summary>
internal sealed class CustomerZoneInputs(List<(string Label, NumberSet Numbers)> timeZones, List<(string Label, NumberSet Numbers)> areas)
{
    public (string? TimeZone, string? Area) Of(long number) =>
        (timeZones.FirstOrDefault(z => z.Numbers.Contains(number)).Label, areas.FirstOrDefault(a => a.Numbers.Contains(number)).Label);
}
