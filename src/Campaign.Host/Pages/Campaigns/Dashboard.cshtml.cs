using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Host.Api;
using Campaign.Host.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Campaigns;

public sealed class DashboardModel(IGrainFactory grains, ICallStore calls) : PageModel
{
    public const int RecentCalls = 10;

    public CampaignInfo Campaign { get; private set; } = null!;

    public CampaignStatsResponse Stats { get; private set; } = null!;

    public CallPage Recent { get; private set; } = new(0, []);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var info = await grains.GetGrain<ICampaignGrain>(id).GetAsync();
        var stats = await CampaignEndpoints.LoadStatsAsync(grains, calls, id, cancellationToken);
        if (info is null || stats is null)
        {
            return NotFound();
        }

        (Campaign, Stats) = (info, stats);
        Recent = await calls.ListAsync(id, 0, RecentCalls, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostActionAsync(string id, string action, string? back)
    {
        var error = await CampaignActions.RunAsync(grains, id, action);
        if (error is not null)
        {
            TempData["Error"] = error;
        }

        return Redirect(back == "list" ? "/campaigns" : $"/campaigns/{Uri.EscapeDataString(id)}");
    }
}
