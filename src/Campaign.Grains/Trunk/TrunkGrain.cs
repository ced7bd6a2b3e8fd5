using Campaign.Abstractions.Campaigns;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Campaign.Grains.Trunk;

/// <summary>
/// The single owner of the trunk's capacity. Leases are persisted, so a restarted or moved trunk never forgets a
/// live call; a lease whose holder died expires. New calls are paced by a token bucket of <c>CallsPerSecond</c>.
/// </summary>
public sealed class TrunkGrain(
    [PersistentState("trunk", StorageNames.Default)] IPersistentState<TrunkState> state,
    IOptions<TrunkOptions> options,
    TimeProvider clock) : Grain, ITrunkGrain
{
    private static readonly TimeSpan DemandMemory = TimeSpan.FromSeconds(3);
    private readonly Dictionary<string, (int Want, DateTimeOffset At)> _demand = [];
    private double _tokens = Math.Max(1, options.Value.CallsPerSecond);
    private DateTimeOffset _refilledAt = clock.GetUtcNow();

    private TrunkOptions Options => options.Value;

    public async Task<IReadOnlyList<string>> AcquireAsync(string campaignId, IReadOnlyList<string> callIds, int campaignQuota)
    {
        var now = clock.GetUtcNow();
        var changed = ExpireLeases(now);
        Refill(now);

        var held = state.State.Leases.Values.Count(l => l.CampaignId == campaignId);
        var want = Math.Min(campaignQuota, held + callIds.Count);
        _demand[campaignId] = (want, now);
        foreach (var stale in _demand.Where(d => now - d.Value.At > DemandMemory).Select(d => d.Key).ToList())
        {
            _demand.Remove(stale);
        }

        var wants = _demand.ToDictionary(d => d.Key, d => Math.Max(d.Value.Want, HeldBy(d.Key)));
        foreach (var holder in state.State.Leases.Values.Select(l => l.CampaignId).Distinct().Where(c => !wants.ContainsKey(c)))
        {
            wants[holder] = HeldBy(holder);
        }

        var share = FairShare.Divide(Options.Capacity, wants)[campaignId];
        var free = Options.Capacity - state.State.Leases.Count;
        var grant = Math.Max(0, Math.Min(Math.Min(share - held, free), Math.Min(callIds.Count, (int)Math.Floor(_tokens))));
        var granted = callIds.Take(grant).ToList();
        foreach (var callId in granted)
        {
            state.State.Leases[callId] = new TrunkLease(campaignId, now + Options.LeaseTimeout);
        }

        _tokens -= granted.Count;
        state.State.PeakInUse = Math.Max(state.State.PeakInUse, state.State.Leases.Count);
        if (granted.Count > 0 || changed)
        {
            await state.WriteStateAsync();
        }

        return granted;
    }

    public async Task ReleaseAsync(string callId)
    {
        if (state.State.Leases.Remove(callId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<TrunkStatus> GetStatusAsync()
    {
        ExpireLeases(clock.GetUtcNow());
        var byCampaign = state.State.Leases.Values.GroupBy(l => l.CampaignId).ToDictionary(g => g.Key, g => g.Count());
        return Task.FromResult(new TrunkStatus(Options.Capacity, Options.CallsPerSecond, state.State.Leases.Count, state.State.PeakInUse, byCampaign));
    }

    private int HeldBy(string campaignId) => state.State.Leases.Values.Count(l => l.CampaignId == campaignId);

    private bool ExpireLeases(DateTimeOffset now)
    {
        var expired = state.State.Leases.Where(l => l.Value.ExpiresAt <= now).Select(l => l.Key).ToList();
        foreach (var callId in expired)
        {
            state.State.Leases.Remove(callId);
        }

        return expired.Count > 0;
    }

    private void Refill(DateTimeOffset now)
    {
        var burst = Math.Max(1, Options.CallsPerSecond);
        _tokens = Math.Min(burst, _tokens + ((now - _refilledAt).TotalSeconds * Options.CallsPerSecond));
        _refilledAt = now;
    }
}
