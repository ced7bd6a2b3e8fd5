using System.Text;
using System.Text.Json;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Customers.Import;
using Campaign.Host.Api;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Campaign.Host.Pages.Customers;

// The form post without JavaScript reads the upload through the framework (buffered on disk, not in memory), so its
// limit is the default Import:MaxFileBytes; the page's script posts to /ui/customers/import, which streams.
[RequestSizeLimit(ImportLimits.DefaultMaxFileBytes + (1 << 20))]
[RequestFormLimits(MultipartBodyLengthLimit = ImportLimits.DefaultMaxFileBytes)]
public sealed class CustomersModel(ICustomerDirectory directory, CustomerImporter importer, IOptions<ImportLimits> limits) : PageModel
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

    /// <summary>The import just made by a form post (without JavaScript), shown at the top of the page.</summary>
    public ImportOutcome? Import { get; private set; }

    public string? ImportError { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrWhiteSpace(Area) || !string.IsNullOrWhiteSpace(Tag) || !string.IsNullOrWhiteSpace(Issue);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is not { Length: > 0 })
        {
            ImportError = "Choose a CSV or JSON file to import.";
        }
        else if (file.Length > limits.Value.MaxFileBytes)
        {
            ImportError = $"The file is too large: import files are limited to {limits.Value.MaxFileBytes / (1024 * 1024)} MB; split the file and import the parts.";
        }
        else
        {
            var listing = new RejectionListing();
            try
            {
                await using var stream = file.OpenReadStream();
                var result = UploadedFile.FormatOf(file.FileName, file.ContentType) == "json"
                    ? await importer.ImportJsonAsync(stream, listing, cancellationToken)
                    : await importer.ImportCsvAsync(stream, listing, cancellationToken);
                Import = ImportOutcome.From(result, listing.Rows);
            }
            catch (ImportFormatException ex)
            {
                ImportError = "Nothing was imported: " + ex.Message + (ex.Line is { } line ? $" (line {line})" : "");
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The rejected rows the page shows, handed back by the download button, as CSV; nothing is stored between.</summary>
    public IActionResult OnPostRejectedCsv(string? rows) =>
        File(Encoding.UTF8.GetBytes(RejectedRowsCsv.Write(RejectedRowsCsv.Parse(rows))), "text/csv; charset=utf-8", RejectedRowsCsv.FileName);

    /// <summary>The rejected rows as the download form carries them.</summary>
    public static string RowsJson(IReadOnlyList<ImportRejection> rows) => JsonSerializer.Serialize(rows, CustomerImportStream.Json);

    private async Task LoadAsync(CancellationToken cancellationToken)
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

    /// <summary>A form post to a handler of this page that comes back to the same filters and page.</summary>
    public string HandlerLink(string handler) =>
        "/customers" + QueryString.Create(new Dictionary<string, string?> { ["handler"] = handler, ["q"] = Query, ["area"] = Area, ["tag"] = Tag, ["issue"] = Issue, ["page"] = PageNumber > 1 ? PageNumber.ToString() : null }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public string PageLink(int page) =>
        "/customers" + QueryString.Create(new Dictionary<string, string?> { ["q"] = Query, ["area"] = Area, ["tag"] = Tag, ["issue"] = Issue, ["page"] = page.ToString() }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)));
}
