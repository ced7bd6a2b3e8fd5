using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// Runs a running campaign's dispatch one pass at a time. The grain is reentrant, so call ends come in while a pass
/// waits on the trunk or on call grains: a request during a pass asks for one more pass after it instead of a second
/// one alongside. The first run of an activation recovers the calls a restart left behind before dispatching. A failed
/// run is logged; the timer's next tick runs again.
/// </summary>
public sealed class DispatchLoop(string campaignId, Func<Task> recover, Func<Task> dispatchOnce, Func<bool> isRunning, ILogger logger)
{
    private bool _dispatching;
    private bool _dispatchAgain;
    private bool _recovered;

    /// <summary>Nothing is left to recover (the campaign has just started).</summary>
    public void Recovered() => _recovered = true;

    /// <summary>Runs a pass soon (while running), without waiting for it.</summary>
    public void Request()
    {
        if (isRunning())
        {
            _ = RunAsync();
        }
    }

    public async Task RunAsync()
    {
        if (_dispatching)
        {
            _dispatchAgain = true;
            return;
        }

        _dispatching = true;
        try
        {
            if (!_recovered)
            {
                await recover();
                _recovered = true;
            }

            do
            {
                _dispatchAgain = false;
                await dispatchOnce();
            }
            while (_dispatchAgain && isRunning());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CampaignLog.DispatchFailed(logger, campaignId, ex.Message);
        }
        finally
        {
            _dispatching = false;
        }
    }
}
