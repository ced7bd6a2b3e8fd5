using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;

namespace Campaign.UnitTests.Support;

/// <summary>
/// The grains a campaign's parts call, in memory: a trunk that grants up to <see cref="Lines"/> lines at a time, call
/// grains that answer every start with <see cref="StartResult"/>, and a catalog that takes every update.
/// </summary>
public sealed class FakeGrains
{
    private readonly ITrunkGrain _trunk;
    private readonly ICampaignCatalogGrain _catalog;

    public FakeGrains()
    {
        _trunk = Stub<ITrunkGrain>.Of((method, args) => method.Name switch
        {
            nameof(ITrunkGrain.AcquireAsync) => Task.FromResult<IReadOnlyList<string>>(((IReadOnlyList<string>)args[1]!).Take(Lines).ToList()),
            nameof(ITrunkGrain.ExchangeAsync) => Exchange((IReadOnlyList<string>)args[1]!, (IReadOnlyList<string>)args[2]!),
            nameof(ITrunkGrain.ReleaseAsync) => Done(() => Released.Add((string)args[0]!)),
            nameof(ITrunkGrain.ReleaseAllAsync) => Done(() => Released.AddRange((IReadOnlyList<string>)args[0]!)),
            nameof(ITrunkGrain.KeepOnlyAsync) => Task.CompletedTask,
            _ => throw new NotSupportedException(method.Name),
        });
        _catalog = Stub<ICampaignCatalogGrain>.Of((_, _) => Task.CompletedTask);
        Factory = Stub<IGrainFactory>.Of((method, args) => method.Name == nameof(IGrainFactory.GetGrain) ? Grain(method.ReturnType, (string)args[0]!) : throw new NotSupportedException(method.Name));
    }

    public IGrainFactory Factory { get; }

    public int Lines { get; set; } = int.MaxValue;

    public CallStartResult StartResult { get; set; } = CallStartResult.Placed;

    /// <summary>The calls started, by id.</summary>
    public List<string> Started { get; } = [];

    /// <summary>The trunk lines given back, by call id.</summary>
    public List<string> Released { get; } = [];

    public List<string> HungUp { get; } = [];

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private Task<IReadOnlyList<string>> Exchange(IReadOnlyList<string> released, IReadOnlyList<string> callIds)
    {
        Released.AddRange(released);
        return Task.FromResult<IReadOnlyList<string>>(callIds.Take(Lines).ToList());
    }

    private Task<CallStartResult> Start(string callId)
    {
        Started.Add(callId);
        return Task.FromResult(StartResult);
    }

    private object Grain(Type type, string key) =>
        type == typeof(ITrunkGrain) ? _trunk
        : type == typeof(ICampaignCatalogGrain) ? _catalog
        : type == typeof(ICallGrain) ? Call(key)
        : throw new NotSupportedException(type.Name);

    private ICallGrain Call(string callId) => Stub<ICallGrain>.Of((method, args) => method.Name switch
    {
        nameof(ICallGrain.StartAsync) => Start(callId),
        nameof(ICallGrain.HangUpAsync) => Done(() => HungUp.Add(callId)),
        _ => throw new NotSupportedException(method.Name),
    });
}
