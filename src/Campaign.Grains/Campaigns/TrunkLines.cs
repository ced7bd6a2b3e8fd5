using Campaign.Abstractions.Campaigns;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// The campaign's side of the trunk. The lines of its ended calls are given back with its next lease, in one write of
/// the trunk's leases, or at the end of a dispatch pass that leased nothing; a call's end therefore costs the trunk
/// no write and no grain call of its own.
/// </summary>
public sealed class TrunkLines(string campaignId, IGrainFactory grains)
{
    private List<string> _ended = [];

    private ITrunkGrain Trunk => grains.GetGrain<ITrunkGrain>(ITrunkGrain.Key);

    /// <summary>Lines to give back with the next lease (or the end of the pass).</summary>
    public int Ending => _ended.Count;

    public void Ended(string callId) => _ended.Add(callId);

    /// <summary>Gives back the ended calls' lines and leases lines for some of <paramref name="callIds"/> (a prefix).</summary>
    public async Task<IReadOnlyList<string>> LeaseAsync(IReadOnlyList<string> callIds, int quota)
    {
        var released = Take();
        try
        {
            return await Trunk.ExchangeAsync(campaignId, released, callIds, quota);
        }
        catch
        {
            _ended.AddRange(released);
            throw;
        }
    }

    /// <summary>Gives back the lines of the calls that ended since the last lease, if any.</summary>
    public async Task GiveBackAsync()
    {
        if (_ended.Count == 0)
        {
            return;
        }

        var released = Take();
        try
        {
            await Trunk.ReleaseAllAsync(released);
        }
        catch
        {
            _ended.AddRange(released);
            throw;
        }
    }

    /// <summary>After a restart: every line the campaign holds but those of <paramref name="live"/> calls goes back.</summary>
    public Task KeepOnlyAsync(IReadOnlyCollection<string> live) => Trunk.KeepOnlyAsync(campaignId, live.ToList());

    /// <summary>Gives back one line now (a lease the dispatch could not use).</summary>
    public Task ReleaseAsync(string callId) => Trunk.ReleaseAsync(callId);

    private List<string> Take()
    {
        var taken = _ended;
        _ended = [];
        return taken;
    }
}
