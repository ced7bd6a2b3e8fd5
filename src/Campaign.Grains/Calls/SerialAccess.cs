namespace Campaign.Grains.Calls;

/// <summary>
/// One change to a call at a time. A streamed reply runs interleaved with the call's other requests (Orleans drives
/// it through always-interleaving calls), so every request that changes the call goes through here.
/// </summary>
internal sealed class SerialAccess
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public Task EnterAsync(CancellationToken cancellationToken = default) => _semaphore.WaitAsync(cancellationToken);

    public void Exit() => _semaphore.Release();

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        await EnterAsync();
        try
        {
            return await work();
        }
        finally
        {
            Exit();
        }
    }

    public Task RunAsync(Func<Task> work) => RunAsync(async () =>
    {
        await work();
        return true;
    });
}
