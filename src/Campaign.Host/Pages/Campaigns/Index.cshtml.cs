using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Scripts;
using Campaign.Abstractions.Segments;
using Campaign.Host.Api;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Campaigns;

public sealed class CampaignsModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<CampaignInfo> Campaigns { get; private set; } = [];

    public IReadOnlyList<SegmentDefinition> Segments { get; private set; } = [];

    public IReadOnlyList<ScriptSummary> Scripts { get; private set; } = [];

    [BindProperty]
    public CampaignForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var request = new CampaignRequest(
            Form.Name, Form.SegmentId, null, string.IsNullOrWhiteSpace(Form.ScriptId) ? null : Form.ScriptId, null,
            Form.MaxConcurrentCalls, new RetryPolicyRequest(Form.MaxAttempts, null), null, null);
        try
        {
            var id = "cmp-" + Guid.NewGuid().ToString("N")[..12];
            await grains.GetGrain<ICampaignGrain>(id).CreateAsync(request.ToDefinition());
            TempData["Flash"] = $"Campaign '{Form.Name?.Trim()}' created as a draft. Press Start when ready.";
            return Redirect($"/campaigns/{id}");
        }
        catch (CampaignException ex)
        {
            Error = ex.Field is null ? ex.Message : $"{ex.Field}: {ex.Message}";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        Campaigns = await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync();
        Segments = (await grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key).ListAsync()).OrderBy(s => s.Name).ToList();
        Scripts = await grains.GetGrain<IScriptCatalogGrain>(IScriptCatalogGrain.Key).ListAsync();
    }
}

public sealed class CampaignForm
{
    public string? Name { get; set; }

    public string? SegmentId { get; set; }

    public string? ScriptId { get; set; }

    public int MaxConcurrentCalls { get; set; } = CampaignRequest.DefaultConcurrency;

    public int MaxAttempts { get; set; } = 3;
}
