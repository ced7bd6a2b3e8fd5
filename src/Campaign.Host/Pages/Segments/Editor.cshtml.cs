using System.Text.Json;
using Campaign.Abstractions.Segments;
using Campaign.Host.Api;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Segments;

public sealed class SegmentEditorModel(IGrainFactory grains) : PageModel
{
    public const string EveryoneJson = """{ "all": [] }""";

    /// <summary>The segment being edited; null for a new one.</summary>
    [FromRoute]
    public string? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string CriteriaJson { get; set; } = EveryoneJson;

    public string? Error { get; private set; }

    /// <summary>What the error is about: <c>name</c>, or a path into the criteria such as <c>criteria.all[1].days</c>.</summary>
    public string? ErrorField { get; private set; }

    /// <summary>Who would break if the segment were deleted (loaded for a saved segment).</summary>
    public SegmentUsage Usage { get; private set; } = new([], []);

    public bool CriteriaError => ErrorField is not null && ErrorField.StartsWith("criteria", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
            return Page();
        }

        if (await Catalog.GetAsync(Id) is not { } segment)
        {
            return NotFound();
        }

        (Name, Description, CriteriaJson) = (segment.Name, segment.Description, Indent(segment.CriteriaJson));
        Usage = await SegmentUsage.LoadAsync(grains, Id);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        JsonElement criteria;
        try
        {
            using var document = JsonDocument.Parse(CriteriaJson);
            criteria = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            (ErrorField, Error) = ("criteria", $"the criteria are not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})");
            return Page();
        }

        var request = new SegmentRequest(Name, string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), criteria);
        if (!SegmentEndpoints.TryValidate(request, out var name, out _, out var field, out var error))
        {
            (ErrorField, Error) = (field, field?.StartsWith("criteria", StringComparison.Ordinal) == true ? CriteriaErrorWords.Describe(field, error!) : error);
            return Page();
        }

        try
        {
            var json = criteria.GetRawText();
            var saved = Id is null
                ? await Catalog.CreateAsync(name!, request.Description, json)
                : await Catalog.UpdateAsync(Id, name!, request.Description, json);
            if (saved is null)
            {
                return NotFound();
            }

            TempData["Flash"] = $"Segment '{saved.Name}' saved.";
            return RedirectToPage("/Segments/Index");
        }
        catch (SegmentNameTakenException ex)
        {
            (ErrorField, Error) = ("name", ex.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirmed = false)
    {
        if (!confirmed)
        {
            TempData["Error"] = "The segment was not deleted: deleting cannot be undone, so it must be confirmed.";
            return Id is null ? RedirectToPage("/Segments/Index") : RedirectToPage(new { id = Id });
        }

        if (Id is not null && await Catalog.DeleteAsync(Id))
        {
            TempData["Flash"] = $"Segment '{Name ?? Id}' deleted.";
        }
        else
        {
            TempData["Error"] = "That segment does not exist any more.";
        }

        return RedirectToPage("/Segments/Index");
    }

    private ISegmentCatalogGrain Catalog => grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key);

    private static string Indent(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, IndentedJson);
    }

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };
}
