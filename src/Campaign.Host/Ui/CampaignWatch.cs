using System.Threading.Channels;

namespace Campaign.Host.Ui;

/// <summary>
/// One listener's view of a campaign's change notifications. Changes that arrive while the listener is busy collapse
/// into one pending signal, so a burst of call ends wakes it once.
/// </summary>
internal sealed class CampaignWatch(string campaignId, Action<CampaignWatch> leave) : IDisposable
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public string CampaignId { get; } = campaignId;

    public void Signal() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a change, at most <paramref name="timeout"/>; true when a change was signalled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_signal.Reader.TryRead(out _))
        {
            return true;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _signal.Reader.WaitToReadAsync(wait.Token);
            return _signal.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => leave(this);
}
