using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains;
using Campaign.Grains.Campaigns;
using Campaign.Grains.Compliance;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Campaigns;

public sealed class CampaignsModel(
    IGrainFactory grains,
    ICustomerDirectory directory,
    AudienceResolver audiences,
    CustomerLocator locator,
    CallingHours hours,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock) : PageModel
{
    /// <summary>The columns the list sorts by, as named in the query string.</summary>
    public static readonly IReadOnlyDictionary<string, Func<CampaignReport, IComparable?>> Sorts = new Dictionary<string, Func<CampaignReport, IComparable?>>
    {
        ["name"] = r => r.Campaign.Definition.Name,
        ["status"] = r => r.Campaign.Status.ToString(),
        ["audience"] = r => r.Audience,
        ["progress"] = r => r.Progress,
        ["answerRate"] = r => r.AnswerRate,
        ["interestRate"] = r => r.InterestRate,
        ["followUps"] = r => r.OpenFollowUps,
        ["created"] = r => r.Campaign.CreatedAt,
    };

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "created";

    [BindProperty(SupportsGet = true)]
    public string Dir { get; set; } = "desc";

    /// <summary>Whether any campaign exists at all (the list may be empty because of the status filter).</summary>
    public bool Any { get; private set; }

    public IReadOnlyList<CampaignReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync();
        Any = all.Count > 0;
        var shown = Enum.TryParse<CampaignStatus>(Status, ignoreCase: true, out var status) ? all.Where(c => c.Status == status) : all;
        var now = clock.GetUtcNow();
        var reports = await Task.WhenAll(shown.Select(c => CampaignReport.LoadAsync(
            c, grains, info => StartPreview.LoadAsync(info, directory, audiences, locator, hours, now, cancellationToken))));
        Sort = Sorts.ContainsKey(Sort) ? Sort : "created";
        var key = Sorts[Sort];
        var ascending = string.Equals(Dir, "asc", StringComparison.OrdinalIgnoreCase);

        // Rows without a value (a draft has no answer rate) go last either way.
        var withValue = reports.Where(r => key(r) is not null);
        var ordered = ascending ? withValue.OrderBy(key) : withValue.OrderByDescending(key);
        Reports = [.. ordered.ThenBy(r => r.Campaign.Definition.Name, StringComparer.OrdinalIgnoreCase), .. reports.Where(r => key(r) is null)];
    }

    /// <summary>The link a column header sorts by: its own column flips the direction, another starts descending (names ascending).</summary>
    public string SortLink(string column)
    {
        var dir = column == Sort ? (string.Equals(Dir, "asc", StringComparison.OrdinalIgnoreCase) ? "desc" : "asc") : column == "name" ? "asc" : "desc";
        return "/campaigns" + QueryString.Create(new Dictionary<string, string?> { ["status"] = Status, ["sort"] = column, ["dir"] = dir }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }

    /// <summary>aria-sort for a column header.</summary>
    public string AriaSort(string column) =>
        column != Sort ? "none" : string.Equals(Dir, "asc", StringComparison.OrdinalIgnoreCase) ? "ascending" : "descending";
}
