using System.Reflection;
using System.Runtime.ExceptionServices;
using Campaign.Abstractions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Campaign.Tests.Support;

/// <summary>
/// One operation asked of a store: which store (<c>calls</c>, <c>directory</c>, <c>worklist</c>, <c>decisions</c>, or
/// <c>state:&lt;grain type&gt;</c>), which operation, and what it is about (the grain's key for grain state, else the
/// operation's first text argument).
/// </summary>
public sealed record StoreOperation(string Store, string Operation, string? Key);

/// <summary>
/// Stores that answer slowly, like a saturated storage service: each chosen operation waits before it goes to the store
/// the silo registered. Installed by <see cref="SlowIn"/> around those stores.
/// </summary>
/// <param name="delayOf">The wait for an operation (given a seeded random source), or null to let it through at once.</param>
public sealed class SlowStores(Func<StoreOperation, Random, TimeSpan?> delayOf, int seed = 7)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    /// <summary>A random wait between <paramref name="least"/> and <paramref name="most"/>.</summary>
    public static TimeSpan Between(Random random, TimeSpan least, TimeSpan most) =>
        least + ((most - least) * random.NextDouble());

    public TimeSpan? DelayOf(StoreOperation operation)
    {
        lock (_gate)
        {
            return delayOf(operation, _random);
        }
    }

    /// <summary>Wraps every store the services registered so far; call after the silo's own registrations.</summary>
    public void SlowIn(IServiceCollection services)
    {
        StoreDecoration.Decorate<ICallStore>(services, store => SlowProxy<ICallStore>.Wrap(store, this, "calls"));
        StoreDecoration.Decorate<ICustomerDirectory>(services, store => SlowProxy<ICustomerDirectory>.Wrap(store, this, "directory"));
        StoreDecoration.Decorate<IWorkListStore>(services, store => SlowProxy<IWorkListStore>.Wrap(store, this, "worklist"));
        StoreDecoration.Decorate<IDecisionLog>(services, store => SlowProxy<IDecisionLog>.Wrap(store, this, "decisions"));
        StoreDecoration.DecorateGrainStorage(services, storage => new SlowGrainStorage(storage, this));
    }
}

/// <summary>Forwards every call of <typeparamref name="T"/> to the wrapped store, after the wait its operation is given.</summary>
public class SlowProxy<T> : DispatchProxy
    where T : class
{
    private static readonly MethodInfo LaterOfT = typeof(SlowProxy<T>).GetMethod(nameof(LaterAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private T _inner = null!;
    private SlowStores _slow = null!;
    private string _store = "";

    public static T Wrap(T inner, SlowStores slow, string store)
    {
        var proxy = Create<T, SlowProxy<T>>();
        var slowing = (SlowProxy<T>)(object)proxy;
        (slowing._inner, slowing._slow, slowing._store) = (inner, slow, store);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod!;
        var returns = method.ReturnType;
        var operation = new StoreOperation(_store, method.Name, args?.OfType<string>().FirstOrDefault());
        if (!typeof(Task).IsAssignableFrom(returns) || _slow.DelayOf(operation) is not { } delay)
        {
            return Forward(method, args);
        }

        if (returns == typeof(Task))
        {
            return ThenAsync(delay, () => (Task)Forward(method, args)!);
        }

        return LaterOfT.MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(null, [delay, (Func<object?>)(() => Forward(method, args))]);
    }

    private static async Task ThenAsync(TimeSpan delay, Func<Task> call)
    {
        await Task.Delay(delay);
        await call();
    }

    private static async Task<TResult> LaterAsync<TResult>(TimeSpan delay, Func<object?> call)
    {
        await Task.Delay(delay);
        return await (Task<TResult>)call()!;
    }

    private object? Forward(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}

/// <summary>Grain storage whose operations wait as <see cref="SlowStores"/> says, by grain type (<c>state:call</c>…).</summary>
internal sealed class SlowGrainStorage(IGrainStorage inner, SlowStores slow) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await WaitAsync(grainId, "ReadState");
        await inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await WaitAsync(grainId, "WriteState");
        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await WaitAsync(grainId, "ClearState");
        await inner.ClearStateAsync(stateName, grainId, grainState);
    }

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private Task WaitAsync(GrainId grainId, string operation) =>
        slow.DelayOf(new StoreOperation("state:" + grainId.Type, operation, grainId.Key.ToString())) is { } delay ? Task.Delay(delay) : Task.CompletedTask;
}
