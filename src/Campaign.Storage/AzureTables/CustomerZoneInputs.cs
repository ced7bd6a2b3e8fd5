namespace Campaign.Storage.AzureTables;

/// <summary>What a campaign's work list needs to place each customer: their own zone, their area and their <c>state</c> attribute.</summary>
internal sealed class CustomerZoneInputs(
    List<(string Label, NumberSet Numbers)> timeZones, List<(string Label, NumberSet Numbers)> areas, List<(string Label, NumberSet Numbers)> states)
{
    public (string? TimeZone, string? Area, string? State) Of(long number) =>
        (timeZones.FirstOrDefault(z => z.Numbers.Contains(number)).Label,
         areas.FirstOrDefault(a => a.Numbers.Contains(number)).Label,
         states.FirstOrDefault(s => s.Numbers.Contains(number)).Label);
}
