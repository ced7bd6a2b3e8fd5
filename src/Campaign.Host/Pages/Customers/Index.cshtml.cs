using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Customers;

public sealed class CustomersModel(ICustomerDirectory directory) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issue { get; set; }

    // Not bound as "page": Razor Pages keeps the page's own path in the route value of that name, which would win.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CustomerPage Result { get; private set; } = new(0, []);

    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public bool Filtered => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrWhiteSpace(Area) || !string.IsNullOrWhiteSpace(Tag) || !string.IsNullOrWhiteSpace(Issue);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        if (CustomerSearch.Parse(Query) is { } search)
        {
            var skip = (PageNumber - 1) * PageSize;
            if (string.IsNullOrWhiteSpace(Area) && string.IsNullOrWhiteSpace(Tag) && string.IsNullOrWhiteSpace(Issue))
            {
                Result = await directory.SearchAsync(search, skip, PageSize, cancellationToken);
                return;
            }

            // The other filters narrow what the search found.
            var found = await directory.SearchAsync(search, 0, int.MaxValue, cancellationToken);
            var narrowed = found.Items.Where(Fits).ToList();
            Result = new CustomerPage(narrowed.Count, narrowed.Skip(skip).Take(PageSize).ToList());
            return;
        }

        var filters = new List<SegmentCriteria>();
        if (!string.IsNullOrWhiteSpace(Area))
        {
            filters.Add(new AreaCriteria([Area.Trim()]));
        }

        if (!string.IsNullOrWhiteSpace(Tag))
        {
            filters.Add(new TagCriteria(Tag.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(Issue))
        {
            filters.Add(new IssueCategoryCriteria(Issue.Trim(), null));
        }

        Result = await directory.QueryAsync(new AllCriteria(filters), (PageNumber - 1) * PageSize, PageSize, includeDoNotCall: true, cancellationToken);
    }

    private bool Fits(CustomerSummary customer) =>
        (string.IsNullOrWhiteSpace(Area) || string.Equals(customer.Area, Area.Trim(), StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrWhiteSpace(Tag) || customer.Tags.Contains(Tag.Trim(), StringComparer.OrdinalIgnoreCase))
        && (string.IsNullOrWhiteSpace(Issue) || customer.IssueCategories.Contains(Issue.Trim(), StringComparer.OrdinalIgnoreCase));

    public string PageLink(int page) =>
        "/customers" + QueryString.Create(new Dictionary<string, string?> { ["q"] = Query, ["area"] = Area, ["tag"] = Tag, ["issue"] = Issue, ["page"] = page.ToString() }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)));
}
