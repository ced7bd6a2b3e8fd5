using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Campaign.Abstractions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Campaign.Tests.Support;

/// <summary>
/// Counts the operations the silo asks of its stores: grain state (by grain type), reminders, call records, the
/// customer directory, work lists and dial decisions. Installed by <see cref="CountIn"/> around whatever stores
/// the silo registered, so the same count runs over SQLite and over Azure Tables.
/// </summary>
public sealed class StoreOperations
{
    private static readonly string[] ReadPrefixes =
        ["Read", "Get", "Exists", "Is", "Count", "List", "Next", "Due", "Pending", "InCall", "Tally", "Outcome", "FollowUps", "Usage",
            "For", "All", "Search", "Skipped", "With", "Start", "Stop", "Test", "Preview", "Match", "Latest", "Find"];

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Operations by <c>store.operation</c> since the last <see cref="Reset"/>.</summary>
    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>(_counts);

    /// <summary>The operations that change what is stored.</summary>
    public IReadOnlyDictionary<string, int> Writes => _counts.Where(c => IsWrite(c.Key)).ToDictionary(c => c.Key, c => c.Value);

    public int TotalWrites => Writes.Values.Sum();

    public void Reset() => _counts.Clear();

    public void Add(string store, string operation) => _counts.AddOrUpdate($"{store}.{operation}", 1, (_, n) => n + 1);

    public string Describe() => string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private static bool IsWrite(string key)
    {
        var operation = key[(key.LastIndexOf('.') + 1)..];
        return !ReadPrefixes.Any(p => operation.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>Wraps every store the services registered so far; call after the silo's own registrations.</summary>
    public void CountIn(IServiceCollection services)
    {
        StoreDecoration.Decorate<ICallStore>(services, store => CountingProxy<ICallStore>.Wrap(store, this, "calls"));
        StoreDecoration.Decorate<ICustomerDirectory>(services, store => CountingProxy<ICustomerDirectory>.Wrap(store, this, "directory"));
        StoreDecoration.Decorate<IWorkListStore>(services, store => CountingProxy<IWorkListStore>.Wrap(store, this, "worklist"));
        StoreDecoration.Decorate<IDecisionLog>(services, store => CountingProxy<IDecisionLog>.Wrap(store, this, "decisions"));
        StoreDecoration.Decorate<IReminderTable>(services, table => CountingProxy<IReminderTable>.Wrap(table, this, "reminders"));
        StoreDecoration.DecorateGrainStorage(services, storage => new CountingGrainStorage(storage, this));
    }
}

/// <summary>Forwards every call of <typeparamref name="T"/> to the wrapped store, counting it by method name.</summary>
public class CountingProxy<T> : DispatchProxy
    where T : class
{
    private T _inner = null!;
    private StoreOperations _operations = null!;
    private string _store = "";

    public static T Wrap(T inner, StoreOperations operations, string store)
    {
        var proxy = Create<T, CountingProxy<T>>();
        var counting = (CountingProxy<T>)(object)proxy;
        (counting._inner, counting._operations, counting._store) = (inner, operations, store);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        _operations.Add(_store, targetMethod!.Name);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}

/// <summary>Grain storage counted by grain type (<c>state:call</c>, <c>state:customer</c>…); the wrapped storage still joins the silo's lifecycle.</summary>
internal sealed class CountingGrainStorage(IGrainStorage inner, StoreOperations operations) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        operations.Add(Store(grainId), "ReadState");
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        operations.Add(Store(grainId), "WriteState");
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        operations.Add(Store(grainId), "ClearState");
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private static string Store(GrainId grainId) => "state:" + grainId.Type;
}
