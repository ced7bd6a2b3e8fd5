namespace Campaign.Abstractions.Campaigns;

/// <summary>The list of campaigns (key <see cref="Key"/>), kept by the campaigns themselves.</summary>
[Alias("Campaign.ICampaignCatalogGrain")]
public interface ICampaignCatalogGrain : IGrainWithStringKey
{
    public const string Key = "campaigns";

    [Alias("Upsert")]
    Task UpsertAsync(CampaignInfo campaign);

    [Alias("List")]
    Task<IReadOnlyList<CampaignInfo>> ListAsync();
}
