namespace Campaign.Grains.Webhooks;

/// <summary>
/// Writes of a reentrant grain's state one at a time: the storage's ETag check would reject a second write started
/// before the first one's answer.
/// </summary>
internal sealed class SerialStateWrites<TState>(IPersistentState<TState> state)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task WriteAsync() => OneAtATimeAsync(state.WriteStateAsync);

    public Task ClearAsync() => OneAtATimeAsync(state.ClearStateAsync);

    private async Task OneAtATimeAsync(Func<Task> write)
    {
        await _gate.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _gate.Release();
        }
    }
}
