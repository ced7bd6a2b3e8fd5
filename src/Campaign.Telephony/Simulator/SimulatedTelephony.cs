using System.Collections.Concurrent;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telephony;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaign.Telephony.Simulator;

/// <summary>
/// The default telephony provider: a virtual phone network in the silo. Each placed call plays out a
/// <see cref="VirtualCustomer"/> and drives the call grain through the same events a real provider sends. Customers
/// pick up or not by the engine's <paramref name="calendar"/>; calls take <c>TimeScale</c> times less real time, or the
/// calendar's speed when it is a <see cref="SimulatedCalendar"/>, so that a call lasts as long on either clock.
/// </summary>
public sealed partial class SimulatedTelephony(
    IGrainFactory grains,
    ICustomerDirectory directory,
    IOptions<SimulatorOptions> options,
    TimeProvider clock,
    TimeProvider calendar,
    ILogger<SimulatedTelephony> logger) : ITelephony
{
    private readonly double _timeScale = calendar is SimulatedCalendar simulated ? simulated.Speed : options.Value.TimeScale;

    private readonly ConcurrentDictionary<string, CancellationTokenSource> _live = new();

    /// <summary>Calls in progress on this silo's simulator.</summary>
    public int LiveCalls => _live.Count;

    public Task<string> PlaceCallAsync(PlaceCallRequest request, CancellationToken cancellationToken = default)
    {
        var providerCallId = $"sim-{request.CallId}";
        var hangUp = new CancellationTokenSource();
        if (!_live.TryAdd(providerCallId, hangUp))
        {
            hangUp.Dispose();
            return Task.FromResult(providerCallId);
        }

        var call = new SimulatedCall(grains, directory, options.Value, new SimulatedClocks(clock, calendar, _timeScale), request);
        _ = Task.Run(async () =>
        {
            try
            {
                await call.RunAsync(hangUp.Token);
            }
            catch (OperationCanceledException) when (hangUp.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                LogCallFailed(logger, request.CallId, ex.Message);
            }
            finally
            {
                if (_live.TryRemove(providerCallId, out var source))
                {
                    source.Dispose();
                }
            }
        });
        return Task.FromResult(providerCallId);
    }

    public Task HangUpAsync(string callId, string providerCallId, CancellationToken cancellationToken = default)
    {
        if (_live.TryGetValue(providerCallId, out var hangUp))
        {
            hangUp.Cancel();
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsLiveAsync(string callId, string providerCallId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_live.ContainsKey(providerCallId));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated call {CallId} failed: {Reason}")]
    private static partial void LogCallFailed(ILogger logger, string callId, string reason);
}
