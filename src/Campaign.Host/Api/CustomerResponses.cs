using Campaign.Abstractions.Customers;

namespace Campaign.Host.Api;

/// <summary>A customer as <c>GET /api/customers/{id}</c> returns it.</summary>
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
    IReadOnlyList<ContactAttempt> ContactHistory)
{
    public static CustomerResponse From(CustomerView view)
    {
        var p = view.Profile;
        return new(p.Id, p.Name, p.Phone, p.Area, p.Address, p.TimeZone, p.Language, p.Tags, p.Attributes, p.Issues, view.DoNotCall, view.ContactHistory);
    }
}

public sealed record CustomerListResponse(int Total, int Skip, int Take, IReadOnlyList<Abstractions.Storage.CustomerSummary> Items);
