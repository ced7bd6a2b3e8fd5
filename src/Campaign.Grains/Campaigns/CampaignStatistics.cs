using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// A campaign's running statistics. Counted once from the call store when first needed, leaving out the calls whose
/// work items are still in a call or being settled (each counts when its end settles, which may happen while the store
/// is read), then kept up to date as calls settle. A recount (after an erasure redacted calls) starts over from the store.
/// </summary>
public sealed class CampaignStatistics(Func<Task<IReadOnlySet<string>>> callsInProgress, Func<IReadOnlySet<string>, Task<CampaignTally>> countStored)
{
    // Calls whose work item is being settled: already out of the call, not yet counted. A count from the store that
    // starts then must leave them out, or the call would count there and again when its settle completes.
    private readonly HashSet<string> _settling = new(StringComparer.Ordinal);
    private CampaignTally? _tally;
    private Task<CampaignTally>? _counting;
    private List<CallFacts>? _settledWhileCounting;
    private int _generation;

    /// <summary>A call's end is about to settle its work item (then <see cref="CountSettled"/> or <see cref="NotSettled"/>).</summary>
    public void Settling(string callId) => _settling.Add(callId);

    /// <summary>A call's end settled its work item: it counts now (or when the count in progress ends).</summary>
    public void CountSettled(CallFacts call)
    {
        _settling.Remove(call.CallId);
        _tally?.Add(call, newest: true);
        _settledWhileCounting?.Add(call);
    }

    /// <summary>The settle found the call already settled (or failed): it does not count again.</summary>
    public void NotSettled(string callId) => _settling.Remove(callId);

    /// <summary>Forgets the running statistics; the next read counts the store again.</summary>
    public void Recount()
    {
        _tally = null;
        _generation++;
    }

    public Task<CampaignTally> GetAsync()
    {
        if (_tally is { } tally)
        {
            return Task.FromResult(tally);
        }

        if (_counting is null || _counting.IsCompleted)
        {
            _counting = CountAsync();
        }

        return _counting;
    }

    private async Task<CampaignTally> CountAsync()
    {
        var generation = _generation;
        var settled = _settledWhileCounting = [];
        try
        {
            var inProgress = new HashSet<string>(await callsInProgress(), StringComparer.Ordinal);
            inProgress.UnionWith(_settling);
            var tally = await countStored(inProgress);
            foreach (var call in settled.Where(c => inProgress.Contains(c.CallId)))
            {
                tally.Add(call, newest: true);
            }

            if (generation == _generation)
            {
                _tally = tally;
            }

            return tally;
        }
        finally
        {
            _settledWhileCounting = null;
        }
    }
}
