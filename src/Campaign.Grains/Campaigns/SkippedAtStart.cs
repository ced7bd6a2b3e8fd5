using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;

namespace Campaign.Grains.Campaigns;

/// <summary>Customers the snapshot skipped (no time zone can be known) get their decision on record like every other.</summary>
public sealed class SkippedAtStart(IWorkListStore work, IDecisionLog decisions, CallingHours callingHours)
{
    private const int Page = 500;

    public async Task RecordAsync(string campaignId, DateTimeOffset now)
    {
        var reason = callingHours.Check(CallingPlace.Unknown([]), now, null).Detail;
        for (var skip = 0; ; skip += Page)
        {
            var ids = await work.SkippedCustomersAsync(campaignId, IWorkListStore.TimeZoneUnknown, skip, Page);
            foreach (var customerId in ids)
            {
                await decisions.AppendAsync(new DialDecision(now, campaignId, customerId, null, DialDecisionKind.Skip,
                    [new DecisionReason(ComplianceRules.TimeZoneUnknown, reason)], null, null, null));
            }

            if (ids.Count < Page)
            {
                return;
            }
        }
    }
}
