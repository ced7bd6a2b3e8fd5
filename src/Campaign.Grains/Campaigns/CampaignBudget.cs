using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;

namespace Campaign.Grains.Campaigns;

/// <summary>A campaign's daily budget of calls and minutes, counted from the store since midnight in its time zone.</summary>
public sealed class CampaignBudget(string campaignId, ICallStore calls, CallsInFlight inFlight, CallingHours callingHours, TimeProvider clock)
{
    /// <summary>How many more calls today's budget allows; the calls in flight count as made.</summary>
    public async Task<int> CallsLeftAsync(CampaignDefinition definition)
    {
        if (!DailyBudget.IsLimited(definition))
        {
            return int.MaxValue;
        }

        var zone = callingHours.ZoneFor(null, null, definition.CallingWindow?.TimeZone);
        var (callsToday, minutesToday) = await calls.UsageSinceAsync(campaignId, DailyBudget.DayStart(clock.GetUtcNow(), zone));
        return DailyBudget.CallsLeft(definition, callsToday, minutesToday, inFlight.Count);
    }
}
