using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Schedules;
using Campaign.Abstractions.Scripts;
using Campaign.Abstractions.Segments;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Campaigns;

/// <summary>
/// The new-campaign form: everything <c>POST /api/campaigns</c> accepts, plus starting now or at a time (a one-off
/// schedule). Errors are shown next to the field the API names, and what was typed stays.
/// </summary>
public sealed class NewCampaignModel(IGrainFactory grains) : PageModel
{
    public static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Form fields by the API field names they carry, for errors that name an API field.</summary>
    private static readonly Dictionary<string, string> InputFields = new(StringComparer.Ordinal)
    {
        ["Input.Name"] = "name",
        ["Input.MaxConcurrentCalls"] = "maxConcurrentCalls",
        ["Input.MaxAttempts"] = "retryPolicy.maxAttempts",
        ["Input.MaxCallsPerDay"] = "maxCallsPerDay",
        ["Input.MaxMinutesPerDay"] = "maxMinutesPerDay",
        ["Input.StartAt"] = "startAt",
        ["Input.EndAt"] = "endAt",
    };

    public IReadOnlyList<SegmentDefinition> Segments { get; private set; } = [];

    public IReadOnlyList<ScriptSummary> Scripts { get; private set; } = [];

    [BindProperty]
    public CampaignInput Input { get; set; } = new();

    /// <summary>Error messages by API field name (<c>callingWindow.timeZone</c>, <c>variants[1].segmentId</c>…).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>An error that names no field of the form.</summary>
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? segment)
    {
        await LoadAsync();
        Input.SegmentId = segment ?? Segments.FirstOrDefault()?.Id;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count > 0)
            {
                Errors[InputFields.GetValueOrDefault(key, key)] = "enter a valid value";
            }
        }

        foreach (var field in Input.UnchosenScripts())
        {
            Errors[field] = field == "scriptId"
                ? "choose the script the agent follows (or, on purpose, the built-in generic greeting)"
                : "choose the script for this segment (or, on purpose, the built-in generic greeting)";
        }

        if (Errors.Count == 0)
        {
            try
            {
                return await CreateAsync();
            }
            catch (CampaignException ex) when (!ex.Conflict)
            {
                Show(ex);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    private async Task<IActionResult> CreateAsync()
    {
        var definition = Input.ToRequest().ToDefinition();
        var name = definition.Name;
        if (Input.Start == "at")
        {
            var startAt = Input.Instant(Input.StartAt) ?? throw new CampaignException("pick the date and time to start", "startAt");
            var endAt = Input.Instant(Input.EndAt);
            var scheduleId = "sch-" + Guid.NewGuid().ToString("N")[..12];
            await grains.GetGrain<IScheduleGrain>(scheduleId)
                .CreateAsync(new ScheduleDefinition(definition, null, Input.ScheduleTimeZone?.Trim() is { Length: > 0 } zone ? zone : "UTC", startAt, endAt));
            TempData["Flash"] = $"Campaign '{name}' will start at {Input.StartAt:yyyy-MM-dd HH:mm} ({Input.ScheduleTimeZone}).";
            return Redirect("/schedules");
        }

        var id = "cmp-" + Guid.NewGuid().ToString("N")[..12];
        var campaign = grains.GetGrain<ICampaignGrain>(id);
        await campaign.CreateAsync(definition);
        if (Input.Start == "now")
        {
            var error = await CampaignActions.RunAsync(grains, id, "start", confirmed: false);
            TempData[error is null ? "Flash" : "Error"] = error ?? $"Campaign '{name}' started.";
        }
        else
        {
            TempData["Flash"] = $"Campaign '{name}' created as a draft. Press Start when ready.";
        }

        return Redirect($"/campaigns/{id}");
    }

    private void Show(CampaignException ex)
    {
        var field = FormFieldOf(ex.Field);
        if (field is not null && Input.Audience == "criteria" && !IsFormField(field))
        {
            field = "criteria";
        }

        if (field is not null && IsFormField(field))
        {
            Errors[field] = ex.Message;
        }
        else
        {
            Error = field is null ? ex.Message : $"{field}: {ex.Message}";
        }
    }

    /// <summary>
    /// The form's name for an experiment's field: its first variant is the script chosen above, the others the scripts
    /// tried beside it (<c>experimentScripts[0]</c> …).
    /// </summary>
    private static string? FormFieldOf(string? field)
    {
        var match = field is null ? null : System.Text.RegularExpressions.Regex.Match(field, @"^experiment\.variants\[(\d+)\]\.scriptId$");
        return match is { Success: true }
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i == 0 ? "scriptId" : $"experimentScripts[{i - 1}]"
            : field is "experiment" or "experiment.variants" ? "experimentScripts[0]" : field;
    }

    private static bool IsFormField(string field) =>
        field is "name" or "segmentId" or "scriptId" or "criteria" or "maxConcurrentCalls" or "callerId" or "maxCallsPerDay" or "maxMinutesPerDay"
            or "startAt" or "endAt" or "timeZone" or "timing" or "maxHold" or "experiment.metric"
        || field.StartsWith("experimentScripts[", StringComparison.Ordinal)
        || field.StartsWith("variants[", StringComparison.Ordinal)
        || field.StartsWith("retryPolicy.", StringComparison.Ordinal)
        || field.StartsWith("voicemailPolicy.", StringComparison.Ordinal)
        || field.StartsWith("callingWindow.", StringComparison.Ordinal);

    private async Task LoadAsync()
    {
        Segments = (await grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key).ListAsync()).OrderBy(s => s.Name).ToList();
        Scripts = await grains.GetGrain<IScriptCatalogGrain>(IScriptCatalogGrain.Key).ListAsync();
        while (Input.Variants.Count < Math.Min(CampaignInput.VariantRows, Math.Max(2, Segments.Count)))
        {
            Input.Variants.Add(new VariantInput());
        }

        while (Input.ExperimentScripts.Count < CampaignInput.ExtraScripts)
        {
            Input.ExperimentScripts.Add(null);
        }
    }
}
