using System.Globalization;

namespace Campaign.EngineBench;

/// <summary>The configuration a run's silo gets; everything else keeps the engine's defaults.</summary>
public static class SiloSettings
{
    public static IReadOnlyDictionary<string, string?> For(BenchOptions options, int trunkCapacity, TimeSpan callDuration)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Trunk:Capacity"] = trunkCapacity.ToString(CultureInfo.InvariantCulture),
            ["Trunk:CallsPerSecond"] = options.CallsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Telephony:Simulator:FixedCallDuration"] = callDuration.ToString("c", CultureInfo.InvariantCulture),

            // A call may never outlive Calls:MaxDuration; keep it clear of the fixed duration.
            ["Calls:MaxDuration"] = (callDuration + TimeSpan.FromMinutes(10)).ToString("c", CultureInfo.InvariantCulture),
        };
        if (options.DispatchInterval is { } interval)
        {
            settings["Campaigns:DispatchInterval"] = interval.ToString("c", CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
