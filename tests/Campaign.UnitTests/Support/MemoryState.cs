using Orleans.Runtime;

namespace Campaign.UnitTests.Support;

/// <summary>A grain's persistent state kept in memory, counting its writes.</summary>
public sealed class MemoryState<T>(T state, bool exists = true) : IPersistentState<T>
{
    public T State { get; set; } = state;

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; } = exists;

    public int Writes { get; private set; }

    public Task ClearStateAsync()
    {
        RecordExists = false;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync()
    {
        Writes++;
        (RecordExists, Etag) = (true, Writes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public Task ReadStateAsync() => Task.CompletedTask;
}
