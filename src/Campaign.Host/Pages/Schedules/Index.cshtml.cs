using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Schedules;
using Campaign.Abstractions.Scripts;
using Campaign.Abstractions.Segments;
using Campaign.Host.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Schedules;

public sealed class SchedulesModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<ScheduleResponse> Schedules { get; private set; } = [];

    public IReadOnlyList<SegmentDefinition> Segments { get; private set; } = [];

    public IReadOnlyList<ScriptSummary> Scripts { get; private set; } = [];

    public IReadOnlyDictionary<string, string> SegmentNames => Segments.ToDictionary(s => s.Id, s => s.Name);

    [BindProperty]
    public ScheduleForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        try
        {
            var info = await ScheduleEndpoints.SaveAsync(Form.ToRequest(), grains);
            TempData["Flash"] = info.NextRuns.Count > 0
                ? $"Schedule saved; it next runs at {info.NextRuns[0]:yyyy-MM-dd HH:mm} UTC."
                : "Schedule saved; it has no run to come.";
            return RedirectToPage();
        }
        catch (CampaignException ex)
        {
            Error = ex.Message;
            ErrorField = ScheduleEndpoints.FieldOf(ex);
            await LoadAsync();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, bool confirmed = false)
    {
        if (!confirmed)
        {
            TempData["Error"] = $"Schedule {id} was not deleted: deleting cannot be undone, so it must be confirmed.";
        }
        else if (await grains.GetGrain<IScheduleGrain>(id).DeleteAsync())
        {
            TempData["Flash"] = $"Schedule {id} is deleted; the campaigns it started stay.";
        }
        else
        {
            TempData["Error"] = $"Schedule {id} does not exist.";
        }

        return RedirectToPage();
    }

    /// <summary>The fields whose errors show next to their input; others show above the form.</summary>
    public static readonly string[] PlacedFields =
        ["campaign.name", "campaign.segmentId", "campaign.variants", "campaign.scriptId", "campaign.maxConcurrentCalls", "campaign.maxCallsPerDay", "startAt", "cron", "timeZone", "endAt"];

    public bool ErrorAboveForm => Error is not null && (ErrorField is null || !PlacedFields.Contains(ErrorField));

    /// <summary>The error text when it is about one of <paramref name="fields"/>, so it shows next to that input.</summary>
    public string? ErrorFor(params string[] fields) => ErrorField is not null && fields.Contains(ErrorField) ? Error : null;

    private async Task LoadAsync()
    {
        Schedules = (await ScheduleEndpoints.ListResponsesAsync(grains)).OrderByDescending(s => s.CreatedAt).ToList();
        Segments = (await grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key).ListAsync()).OrderBy(s => s.Name).ToList();
        Scripts = await grains.GetGrain<IScriptCatalogGrain>(IScriptCatalogGrain.Key).ListAsync();
    }
}
