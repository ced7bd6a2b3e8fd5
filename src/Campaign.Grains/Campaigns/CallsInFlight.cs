using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telemetry;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// A campaign's calls placed and not yet settled: the live-call table, the in-flight metric it feeds until disposed,
/// and the hang-up of them all when the campaign is cancelled.
/// </summary>
public sealed class CallsInFlight : IDisposable
{
    private readonly LiveCallTable _table = new();
    private readonly IGrainFactory _grains;
    private readonly ILogger _logger;
    private readonly IDisposable _metric;

    public CallsInFlight(string campaignId, IGrainFactory grains, ILogger logger)
    {
        (_grains, _logger) = (grains, logger);
        _metric = CampaignTelemetry.TrackInFlight(campaignId, () => _table.Count);
    }

    public int Count => _table.Count;

    public IReadOnlyCollection<string> CallIds => _table.CallIds;

    public bool Contains(string callId) => _table.Contains(callId);

    public void Add(string callId, WorkItem item, DateTimeOffset since, CallProgress? progress = null) => _table.Add(callId, item, since, progress);

    public bool Remove(string callId) => _table.Remove(callId);

    /// <inheritdoc cref="LiveCallTable.Remove(string, out DateTimeOffset)"/>
    public bool Remove(string callId, out DateTimeOffset since) => _table.Remove(callId, out since);

    /// <inheritdoc cref="LiveCallTable.Update"/>
    public bool Update(CallProgress progress) => _table.Update(progress);

    public LiveCallPage Page(int skip, int take) => _table.Page(skip, take);

    /// <summary>Asks the calls the sweep finds due to check themselves, without waiting; a failure is logged (the next sweep asks again).</summary>
    public void Check(CallSweep sweep)
    {
        foreach (var callId in sweep.Due(_table.CallIds, _table.Contains))
        {
            _ = _grains.GetGrain<ICallGrain>(callId).CheckAsync().ContinueWith(
                t => CampaignLog.CheckFailed(_logger, callId, t.Exception?.GetBaseException().Message ?? ""),
                TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    /// <summary>Asks every live call to hang up, without waiting; a failure is logged.</summary>
    public void HangUpAll()
    {
        foreach (var callId in _table.CallIds.ToList())
        {
            _ = _grains.GetGrain<ICallGrain>(callId).HangUpAsync("campaign cancelled").ContinueWith(
                t => CampaignLog.HangUpFailed(_logger, callId, t.Exception?.GetBaseException().Message ?? ""),
                TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    public void Dispose() => _metric.Dispose();
}
