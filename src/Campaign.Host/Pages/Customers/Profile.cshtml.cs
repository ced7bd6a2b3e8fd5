using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Customers;

public sealed class CustomerProfileModel(IGrainFactory grains, ICustomerDirectory directory, CustomerLocator locator) : PageModel
{
    public CustomerView Customer { get; private set; } = null!;

    /// <summary>Where the customer's calling hours are judged: zones, their source, the law that holds.</summary>
    public CallingPlace Place { get; private set; } = CallingPlace.Unknown([]);

    /// <summary>Campaign names by id, for the contact history.</summary>
    public IReadOnlyDictionary<string, string> CampaignNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<DoNotCallChange> DoNotCallHistory { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICustomerGrain>(id).GetAsync() is not { } view)
        {
            return NotFound();
        }

        Customer = view;
        Place = locator.Locate(view.Profile);
        var names = new Dictionary<string, string>();
        foreach (var campaignId in view.ContactHistory.Select(a => a.CampaignId).Distinct())
        {
            names[campaignId] = (await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync())?.Definition.Name ?? campaignId;
        }

        CampaignNames = names;
        DoNotCallHistory = await directory.ListDoNotCallChangesAsync(view.Profile.Phone, 0, 20, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDoNotCallAsync(string id)
    {
        var customer = grains.GetGrain<ICustomerGrain>(id);
        if (await customer.GetAsync() is null)
        {
            return NotFound();
        }

        await customer.OptOutAsync(string.IsNullOrWhiteSpace(Reason) ? "marked by an operator" : Reason.Trim(), AdminSource.Of(User));
        TempData["Flash"] = "The customer's number is on the do-not-call list; no campaign will call it.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAllowCallsAsync(string id, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICustomerGrain>(id).GetAsync() is not { } view)
        {
            return NotFound();
        }

        if (await directory.RemoveDoNotCallAsync(view.Profile.Phone, AdminSource.Of(User), cancellationToken))
        {
            TempData["Flash"] = "The customer's number is off the do-not-call list; campaigns may call it again.";
        }
        else
        {
            TempData["Error"] = "The customer's number is not on the do-not-call list.";
        }

        return RedirectToPage(new { id });
    }
}
