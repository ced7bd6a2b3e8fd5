using Microsoft.Data.Sqlite;

namespace Campaign.Storage.Sqlite;

/// <summary>A write waiting for the single writer: queued, then started (no longer cancellable), then done.</summary>
internal abstract class PendingWrite
{
    private const int Queued = 0, Started = 1, Cancelled = 2;
    private int _state;

    public abstract bool IsDone { get; }

    /// <summary>Claims the write for a transaction; false when its caller gave up first.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    /// <summary>Gives the write up; false when a transaction already took it, so its outcome stands.</summary>
    public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;

    /// <summary>Runs the write inside the open transaction; false when it failed (its savepoint is to be rolled back).</summary>
    public abstract Task<bool> RunAsync(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>The transaction committed: the caller gets what the write returned, or its own failure.</summary>
    public abstract void Complete();

    /// <summary>The transaction failed as a whole: nothing of it is stored.</summary>
    public abstract void Fail(Exception exception);
}

internal sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write) : PendingWrite
{
    private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _value;
    private Exception? _failure;

    public Task<T> Result => _result.Task;

    public override bool IsDone => _result.Task.IsCompleted;

    public override async Task<bool> RunAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        try
        {
            _value = await write(connection, transaction);
            return true;
        }
        catch (Exception ex)
        {
            _failure = ex;
            return false;
        }
    }

    public override void Complete()
    {
        if (_failure is not null)
        {
            _result.TrySetException(_failure);
        }
        else
        {
            _result.TrySetResult(_value!);
        }
    }

    public override void Fail(Exception exception) => _result.TrySetException(exception);
}
