using Campaign.Abstractions.Customers;
using Campaign.Grains.Compliance;

namespace Campaign.Host.Api;

/// <summary>
/// A customer as <c>GET /api/customers/{id}</c> returns it. <see cref="TimeZone"/> is the zone their calling hours
/// follow (the first of <see cref="TimeZones"/> when the phone number maps to several, all of which must allow a call),
/// <see cref="TimeZoneSource"/> where it came from, <see cref="Jurisdiction"/> the most specific law that holds.
/// </summary>
public sealed record CustomerResponse(
    string Id,
    string Name,
    string Phone,
    string? Area,
    string? Address,
    string? TimeZone,
    string? Language,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<CustomerIssue> Issues,
    bool DoNotCall,
    IReadOnlyList<ContactAttempt> ContactHistory,
    IReadOnlyList<string> TimeZones,
    TimeZoneSource TimeZoneSource,
    string? Jurisdiction,
    IReadOnlyList<ConsentRecord> Consent,
    IReadOnlyList<BestTime> BestTimes)
{
    public static CustomerResponse From(CustomerView view, CallingPlace place, IReadOnlyList<BestTime> bestTimes)
    {
        var p = view.Profile;
        return new(p.Id, p.Name, p.Phone, p.Area, p.Address, place.Zones.FirstOrDefault(), p.Language, p.Tags, p.Attributes, p.Issues, view.DoNotCall,
            view.ContactHistory, place.Zones, place.Source, place.Jurisdiction, p.Consent ?? [], bestTimes);
    }
}

public sealed record CustomerListResponse(int Total, int Skip, int Take, IReadOnlyList<Abstractions.Storage.CustomerSummary> Items);
