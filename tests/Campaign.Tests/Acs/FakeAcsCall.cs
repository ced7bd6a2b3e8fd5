using System.Text.Json;
using System.Threading.Channels;

namespace Campaign.Tests.Acs;

/// <summary>An action the host asked for on a call: <c>play</c>, <c>recognize</c> or <c>terminate</c>.</summary>
public sealed record FakeAcsAction(string Kind, JsonElement Body)
{
    public string? Context => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("operationContext", out var c) ? c.GetString() : null;
}

/// <summary>A call as the fake ACS holds it.</summary>
public sealed class FakeAcsCall(string id, JsonElement create)
{
    private readonly object _gate = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;

    public JsonElement Create { get; } = create;

    public string To => Create.GetProperty("targets")[0].GetProperty("phoneNumber").GetProperty("value").GetString()!;

    public string From => Create.GetProperty("sourceCallerIdNumber").GetProperty("value").GetString()!;

    public string CallbackUri => Create.GetProperty("callbackUri").GetString()!;

    public string CreateContext => Create.GetProperty("operationContext").GetString()!;

    public string CallId => System.Web.HttpUtility.ParseQueryString(new Uri(CallbackUri).Query)["callId"]!;

    public string State { get; private set; } = "connecting";

    public Task Ended => _ended.Task;

    public Channel<FakeAcsAction> Actions { get; } = Channel.CreateUnbounded<FakeAcsAction>();

    /// <summary>Everything played to the callee, prompts and last words, in order.</summary>
    public List<string> Said { get; } = [];

    /// <summary>Every action the host asked for, in order.</summary>
    public List<FakeAcsAction> Requested { get; } = [];

    public void Connect()
    {
        lock (_gate)
        {
            if (State == "connecting")
            {
                State = "connected";
            }
        }
    }

    /// <summary>Ends the call; true only the first time.</summary>
    public bool TryEnd()
    {
        lock (_gate)
        {
            if (State == "disconnected")
            {
                return false;
            }

            State = "disconnected";
            _ended.TrySetResult();
            return true;
        }
    }
}
