using Campaign.Abstractions.Campaigns;
using Orleans.Runtime;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// A campaign's persisted state as its parts share it: status and definition, plain writes, and saves that also update
/// the catalog and tell the observers.
/// </summary>
public sealed class CampaignRecord(string id, IPersistentState<CampaignState> state, IGrainFactory grains, CampaignObservers observers)
{
    public string Id => id;

    public bool Exists => state.RecordExists;

    public CampaignState State => state.State;

    public CampaignStatus Status => state.State.Status;

    /// <summary>The definition, set once the campaign exists.</summary>
    public CampaignDefinition Definition => state.State.Definition!;

    public bool IsRunning => Status == CampaignStatus.Running;

    /// <summary>Running or paused: the campaign has a work list still being called.</summary>
    public bool IsActive => Status is CampaignStatus.Running or CampaignStatus.Paused;

    public void EnsureExists()
    {
        if (!Exists)
        {
            throw new CampaignException($"campaign '{Id}' does not exist");
        }
    }

    /// <summary>Writes the state alone (counters the catalog does not show).</summary>
    public Task WriteAsync() => state.WriteStateAsync();

    /// <summary>Writes the state, updates the catalog's entry and tells the observers.</summary>
    public async Task<CampaignInfo> SaveAsync()
    {
        await state.WriteStateAsync();
        var info = Info();
        await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).UpsertAsync(info);
        Changed();
        return info;
    }

    /// <summary>Something a dashboard shows changed.</summary>
    public void Changed() => observers.Notify();

    public CampaignInfo Info() =>
        new(Id, Definition, Status, State.CreatedAt, State.StartedAt, State.EndedAt, State.Audience, PausedBy, PausedReason);

    public string? PausedBy => Status == CampaignStatus.Paused ? State.PausedBy : null;

    public string? PausedReason => Status == CampaignStatus.Paused ? State.PausedReason : null;
}
