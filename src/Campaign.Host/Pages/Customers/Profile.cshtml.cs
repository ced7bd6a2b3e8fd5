using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;
using Campaign.Grains.Customers;
using Campaign.Host.Api;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Customers;

public sealed class CustomerProfileModel(IGrainFactory grains, ICustomerDirectory directory, IDecisionLog decisions, CustomerLocator locator, BestTimes bestTimes) : PageModel
{
    public const int DecisionsShown = 20;

    public CustomerView Customer { get; private set; } = null!;

    /// <summary>Where the customer's calling hours are judged: zones, their source, the law that holds.</summary>
    public CallingPlace Place { get; private set; } = CallingPlace.Unknown([]);

    /// <summary>Campaign names by id, for the contact history.</summary>
    public IReadOnlyDictionary<string, string> CampaignNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<DoNotCallChange> DoNotCallHistory { get; private set; } = [];

    /// <summary>When this customer is most likely to answer, in their local time.</summary>
    public IReadOnlyList<BestTime> BestTimes { get; private set; } = [];

    /// <summary>The latest dial decisions about the customer, across campaigns.</summary>
    public DecisionPage Decisions { get; private set; } = new(0, []);

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ConsentKind { get; set; }

    [BindProperty]
    public string? ConsentAt { get; set; }

    [BindProperty]
    public string? ConsentSource { get; set; }

    [BindProperty]
    public string? ConsentScope { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICustomerGrain>(id).GetAsync() is not { } view)
        {
            return NotFound();
        }

        Customer = view;
        Place = locator.Locate(view.Profile);
        BestTimes = await bestTimes.ForAsync(view, Place, cancellationToken);
        Decisions = await decisions.ForCustomerAsync(id, 0, DecisionsShown, cancellationToken);
        var names = new Dictionary<string, string>();
        foreach (var campaignId in view.ContactHistory.Select(a => a.CampaignId).Concat(Decisions.Items.Select(d => d.CampaignId)).Distinct())
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

    public async Task<IActionResult> OnPostAddConsentAsync(string id)
    {
        if (!ConsentParser.TryParse(ConsentKind, ConsentScope, ConsentSource, ConsentAt, null, "consent", out var record, out var error))
        {
            TempData["Error"] = error;
            return RedirectToPage(new { id });
        }

        try
        {
            await grains.GetGrain<ICustomerGrain>(id).AddConsentAsync(record! with { Source = record.Source ?? $"entered by {AdminSource.Of(User)}" });
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }

        TempData["Flash"] = "The consent is recorded; the next dial decision counts it.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeConsentAsync(string id)
    {
        try
        {
            var result = await grains.GetGrain<ICustomerGrain>(id).RevokeConsentAsync(null, null);
            TempData[result.Revoked == 0 ? "Error" : "Flash"] = result.Revoked == 0
                ? "The customer has no consent to revoke."
                : "The customer's consent is revoked; no campaign that needs it will call them.";
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAllowCallsAsync(string id, string? reason, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICustomerGrain>(id).GetAsync() is not { } view)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            TempData["Error"] = "The number stays on the do-not-call list: say why it should come off (the reason is kept in the history).";
        }
        else if (await directory.RemoveDoNotCallAsync(view.Profile.Phone, AdminSource.Of(User), reason.Trim(), cancellationToken))
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
