using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Calls;

public sealed class CallDetailModel(IGrainFactory grains, ICallStore calls) : PageModel
{
    public CallRecord Call { get; private set; } = null!;

    public string CampaignName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var record = await calls.GetAsync(id, cancellationToken) ?? await grains.GetGrain<ICallGrain>(id).GetAsync();
        if (record is null)
        {
            return NotFound();
        }

        Call = record;
        CampaignName = (await grains.GetGrain<ICampaignGrain>(record.CampaignId).GetAsync())?.Definition.Name ?? record.CampaignId;
        return Page();
    }
}
