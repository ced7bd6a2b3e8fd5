using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Calls;

public sealed class CallDetailModel(IGrainFactory grains, ICallStore calls, ICustomerDirectory customers, CustomerLocator locator) : PageModel
{
    public CallRecord Call { get; private set; } = null!;

    public CustomerProfile? Customer { get; private set; }

    /// <summary>The zone the customer's times are shown in (their place's first zone), null when it cannot be known.</summary>
    public TimeZoneInfo? CustomerZone { get; private set; }

    public string CampaignName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var record = await calls.GetAsync(id, cancellationToken) ?? await grains.GetGrain<ICallGrain>(id).GetAsync();
        if (record is null)
        {
            return NotFound();
        }

        Call = record;
        Customer = await customers.GetAsync(record.CustomerId, cancellationToken);
        CustomerZone = Customer is not null && locator.Locate(Customer) is { IsKnown: true } place ? TimeZoneInfo.FindSystemTimeZoneById(place.Zones[0]) : null;
        CampaignName = (await grains.GetGrain<ICampaignGrain>(record.CampaignId).GetAsync())?.Definition.Name ?? record.CampaignId;
        return Page();
    }

    /// <summary>An instant in the customer's own zone, to the minute, named ("Tue 2026-12-01 10:25 America/Chicago").</summary>
    public string? CustomerTime(DateTimeOffset? at) =>
        at is { } instant && CustomerZone is { } zone
            ? $"{TimeZoneInfo.ConvertTime(instant, zone):ddd yyyy-MM-dd HH:mm} {zone.Id}"
            : null;
}
