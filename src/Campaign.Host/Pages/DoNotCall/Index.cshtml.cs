using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Customers.Import;
using Campaign.Host.Api;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.DoNotCall;

[RequestSizeLimit(DoNotCallEndpoints.MaxListBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DoNotCallEndpoints.MaxListBytes)]
public sealed class DoNotCallModel(ICustomerDirectory directory, PhoneNormalizer phones, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;
    public const int HistorySize = 50;

    // Not bound as "page": Razor Pages keeps the page's own path in the route value of that name, which would win.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public bool Searching => CustomerSearch.Parse(Query) is not null;

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Numbers { get; set; }

    [BindProperty(Name = "File")]
    public IFormFile? ListFile { get; set; }

    /// <summary>How many numbers the list shows: all of them, or those the search found.</summary>
    public int Total { get; private set; }

    /// <summary>How many numbers are on the list in all.</summary>
    public int ListedTotal { get; private set; }

    public int First => Total == 0 ? 0 : ((PageNumber - 1) * PageSize) + 1;

    public int Last => Math.Min(Total, PageNumber * PageSize);

    public string PageLink(int page) =>
        "/do-not-call" + QueryString.Create(new Dictionary<string, string?> { ["q"] = Query, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public IReadOnlyList<DoNotCallEntry> Entries { get; private set; } = [];

    public IReadOnlyList<DoNotCallChange> History { get; private set; } = [];

    public string? AddError { get; private set; }

    public string? ImportError { get; private set; }

    public IReadOnlyList<RejectedRow> Rejected { get; private set; } = [];

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!phones.TryNormalize(Phone, out var phone, out var error))
        {
            AddError = error;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        var added = await directory.AddDoNotCallAsync([new DoNotCallEntry(phone, reason, AdminSource.Of(User), clock.GetUtcNow())], cancellationToken);
        TempData["Flash"] = added == 1 ? $"{phone} is on the do-not-call list." : $"{phone} was already on the do-not-call list.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!phones.TryNormalize(Phone, out var phone, out var error))
        {
            TempData["Error"] = error;
        }
        else if (string.IsNullOrWhiteSpace(Reason))
        {
            TempData["Error"] = $"{phone} stays on the do-not-call list: say why it should come off (the reason is kept in the history).";
        }
        else if (await directory.RemoveDoNotCallAsync(phone, AdminSource.Of(User), Reason.Trim(), cancellationToken))
        {
            TempData["Flash"] = $"{phone} was taken off the do-not-call list.";
        }
        else
        {
            TempData["Error"] = $"{phone} is not on the do-not-call list.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        using var reader = ListFile is { Length: > 0 } ? new StreamReader(ListFile.OpenReadStream()) : new StringReader(Numbers ?? "") as TextReader;
        var (entries, rejected) = await DoNotCallList.ReadAsync(reader, phones, AdminSource.Of(User), clock.GetUtcNow(), cancellationToken);
        if (entries.Count == 0 && rejected.Count == 0)
        {
            ImportError = "The list is empty: paste one phone number per line, or choose a file.";
            await LoadAsync(cancellationToken);
            return Page();
        }

        var added = await directory.AddDoNotCallAsync(entries, cancellationToken);
        Rejected = rejected;
        TempData["Flash"] = $"Added {added}, already listed {entries.Count - added}, rejected {rejected.Count}.";
        if (rejected.Count == 0)
        {
            return RedirectToPage();
        }

        // Rejected lines are listed on the page itself, with what was typed kept to be corrected.
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        ListedTotal = await directory.CountDoNotCallAsync(cancellationToken);
        if (CustomerSearch.Parse(Query) is { } search)
        {
            var found = await directory.SearchDoNotCallAsync(search, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
            (Total, Entries) = (found.Total, found.Items);
        }
        else
        {
            Total = ListedTotal;
            Entries = await directory.ListDoNotCallAsync((PageNumber - 1) * PageSize, PageSize, cancellationToken);
        }
        History = await directory.ListDoNotCallChangesAsync(null, 0, HistorySize, cancellationToken);
    }
}
