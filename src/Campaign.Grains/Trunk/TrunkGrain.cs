using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Telemetry;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Campaign.Grains.Trunk;

/// <summary>
/// The single owner of the trunk's capacity. Leases are persisted, so a restarted or moved trunk never forgets a
/// live call; a lease whose holder died expires. New calls are paced by a token bucket of <c>CallsPerSecond</c>.
/// Releases interleave: the leases changed while a write is under way are persisted together by the next write, and
/// no caller returns before a write holding its change is done, so thousands of calls ending at once (a cancelled
/// campaign) cost a few writes of the lease table rather than one each.
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
    private TaskCompletionSource? _unwritten;
    private bool _writing;
    private IDisposable? _linesMetric;
    private volatile int _linesInUse;

    private TrunkOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The metric is read off the grain's thread, where its state may not be touched: it reads a copy of the count.
        _linesInUse = state.State.Leases.Count;
        _linesMetric = CampaignTelemetry.TrackTrunk(this, () => (_linesInUse, Options.Capacity));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _linesMetric?.Dispose();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> AcquireAsync(string campaignId, IReadOnlyList<string> callIds, int campaignQuota) =>
        ExchangeAsync(campaignId, [], callIds, campaignQuota);

    public async Task<IReadOnlyList<string>> ExchangeAsync(string campaignId, IReadOnlyList<string> released, IReadOnlyList<string> callIds, int campaignQuota)
    {
        var now = clock.GetUtcNow();
        var changed = ExpireLeases(now);
        foreach (var callId in released)
        {
            changed |= state.State.Leases.Remove(callId);
        }

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
            await PersistAsync();
        }

        return granted;
    }

    public Task ReleaseAsync(string callId) => state.State.Leases.Remove(callId) ? PersistAsync() : Task.CompletedTask;

    public Task KeepOnlyAsync(string campaignId, IReadOnlyList<string> live)
    {
        var keep = live.ToHashSet(StringComparer.Ordinal);
        var ended = state.State.Leases.Where(l => l.Value.CampaignId == campaignId && !keep.Contains(l.Key)).Select(l => l.Key).ToList();
        return ReleaseAllAsync(ended);
    }

    public Task ReleaseAllAsync(IReadOnlyList<string> callIds)
    {
        var changed = false;
        foreach (var callId in callIds)
        {
            changed |= state.State.Leases.Remove(callId);
        }

        return changed ? PersistAsync() : Task.CompletedTask;
    }

    public Task<TrunkStatus> GetStatusAsync()
    {
        ExpireLeases(clock.GetUtcNow());
        var byCampaign = state.State.Leases.Values.GroupBy(l => l.CampaignId).ToDictionary(g => g.Key, g => g.Count());
        return Task.FromResult(new TrunkStatus(Options.Capacity, Options.CallsPerSecond, state.State.Leases.Count, state.State.PeakInUse, byCampaign));
    }

    /// <summary>Completes once every change made so far is stored: the next write (group commit), never a concurrent one.</summary>
    private Task PersistAsync()
    {
        _linesInUse = state.State.Leases.Count;
        _unwritten ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stored = _unwritten.Task;
        if (!_writing)
        {
            _ = WriteUnwrittenAsync();
        }

        return stored;
    }

    private async Task WriteUnwrittenAsync()
    {
        _writing = true;
        while (_unwritten is { } waiting)
        {
            // The state is serialised before the write first yields, so changes made while it runs wait for the next one.
            _unwritten = null;
            try
            {
                await state.WriteStateAsync();
                waiting.SetResult();
            }
            catch (Exception ex)
            {
                waiting.SetException(ex);
            }
        }

        _writing = false;
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
