using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;
using Campaign.Host.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Campaigns;

/// <summary>Every call of a campaign, newest first, filtered by result, interest, follow-up and customer, paged with a total.</summary>
public sealed class CallsModel(IGrainFactory grains, ICallStore calls, ICustomerDirectory customers, CustomerLocator locator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Result { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Interest { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FollowUp { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    // Not bound as "page": Razor Pages keeps the page's own path in the route value of that name, which would win.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CampaignInfo Campaign { get; private set; } = null!;

    public int Total { get; private set; }

    public IReadOnlyList<CallListRow> Rows { get; private set; } = [];

    public string? FilterError { get; private set; }

    public bool SearchTruncated { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int First => Total == 0 ? 0 : ((PageNumber - 1) * PageSize) + 1;

    public int Last => Math.Min(Total, PageNumber * PageSize);

    public bool Filtered => !new CallListQuery(Result, Interest, FollowUp, Query).IsEmpty;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetAsync() is not { } info)
        {
            return NotFound();
        }

        Campaign = info;
        PageNumber = Math.Max(1, PageNumber);
        var resolved = await new CallListQuery(Result, Interest, FollowUp, Query).ResolveAsync(customers, cancellationToken);
        if (resolved.Filter is not { } filter)
        {
            FilterError = resolved.Error;
            return Page();
        }

        SearchTruncated = resolved.SearchTruncated;
        var page = await calls.ListAsync(id, filter, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        Total = page.Total;
        Rows = await CallListRow.LoadAsync(page.Items, customers, locator, cancellationToken);
        return Page();
    }

    /// <summary>This list with the same filters, on another page.</summary>
    public string PageLink(int page) =>
        $"/campaigns/{Uri.EscapeDataString(Campaign.Id)}/calls" + QueryString.Create(new Dictionary<string, string?>
        {
            ["result"] = Result,
            ["interest"] = Interest,
            ["followUp"] = FollowUp,
            ["q"] = Query,
            ["page"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public static bool Is(string? selected, string value) => string.Equals(selected?.Trim(), value, StringComparison.OrdinalIgnoreCase);
}
