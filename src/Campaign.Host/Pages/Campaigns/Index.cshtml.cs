using Campaign.Abstractions.Campaigns;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Campaigns;

public sealed class CampaignsModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<CampaignInfo> Campaigns { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Campaigns = await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync();
    }
}
