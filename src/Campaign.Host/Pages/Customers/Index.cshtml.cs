using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Customers;

public sealed class CustomersModel(ICustomerDirectory directory) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issue { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CustomerPage Result { get; private set; } = new(0, []);

    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public bool Filtered => !string.IsNullOrWhiteSpace(Area) || !string.IsNullOrWhiteSpace(Tag) || !string.IsNullOrWhiteSpace(Issue);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
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

    public string PageLink(int page) =>
        "/customers" + QueryString.Create(new Dictionary<string, string?> { ["area"] = Area, ["tag"] = Tag, ["issue"] = Issue, ["page"] = page.ToString() }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)));
}
