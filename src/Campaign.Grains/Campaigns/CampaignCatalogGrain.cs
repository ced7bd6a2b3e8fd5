using Campaign.Abstractions.Campaigns;
using Orleans.Runtime;

namespace Campaign.Grains.Campaigns;

[GenerateSerializer, Alias("Campaign.CampaignCatalogState")]
public sealed class CampaignCatalogState
{
    [Id(0)]
    public Dictionary<string, CampaignInfo> Campaigns { get; set; } = [];
}

public sealed class CampaignCatalogGrain(
    [PersistentState("campaigns", StorageNames.LargeState)] IPersistentState<CampaignCatalogState> state) : Grain, ICampaignCatalogGrain
{
    public async Task UpsertAsync(CampaignInfo campaign)
    {
        if (state.State.Campaigns.TryGetValue(campaign.Id, out var existing) && existing == campaign)
        {
            return;
        }

        state.State.Campaigns[campaign.Id] = campaign;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<CampaignInfo>> ListAsync() =>
        Task.FromResult<IReadOnlyList<CampaignInfo>>(state.State.Campaigns.Values.OrderByDescending(c => c.CreatedAt).ToList());
}
