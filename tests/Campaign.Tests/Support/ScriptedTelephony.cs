using System.Collections.Concurrent;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telephony;

namespace Campaign.Tests.Support;

/// <summary>
/// How a scripted call goes: who picks up, what they say, how long it lasts, and whether events are repeated. A
/// <see cref="Silent"/> call never plays the agent's audio (reported only when the telephony reports first audio); a
/// <see cref="Streamed"/> one takes the agent's replies to the customer's lines as streamed tokens, like ConversationRelay.
/// </summary>
public sealed record CallScript(CallEndReason? Unanswered, TimeSpan Duration, IReadOnlyList<string> CustomerLines, bool RepeatEvents = false, bool Silent = false, bool Streamed = false)
{
    public static CallScript Answer(TimeSpan duration, params string[] lines) => new(null, duration, lines);

    public static CallScript NotAnswered(CallEndReason reason) => new(reason, TimeSpan.Zero, []);
}

/// <summary>A telephony provider for tests: plays each call from a script and measures how many calls were live at once.</summary>
public sealed class ScriptedTelephony(IGrainFactory grains, ICustomerDirectory directory) : ITelephony
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _live = new();
    private readonly ConcurrentDictionary<string, int> _livePerCampaign = new();
    private readonly ConcurrentDictionary<string, int> _peakPerCampaign = new();
    private readonly object _gate = new();
    private int _peak;

    public Func<PlaceCallRequest, CallScript> Behavior { get; set; } = _ => CallScript.Answer(TimeSpan.FromMilliseconds(30), "Yes, tell me more.");

    public ConcurrentQueue<PlaceCallRequest> Placed { get; } = new();

    /// <summary>Calls whose end the grain has answered (the provider's end event returned).</summary>
    public ConcurrentQueue<string> EndsAnswered { get; } = new();

    public int Peak => _peak;

    public int Live => _live.Count;

    public int PeakFor(string campaignId) => _peakPerCampaign.GetValueOrDefault(campaignId);

    /// <summary>For each streamed reply (by call id and turn): whether the customer was on the do-not-call list when its first word arrived.</summary>
    public ConcurrentDictionary<(string CallId, int Turn), bool> DoNotCallAtFirstWord { get; } = new();

    /// <summary>When set, the agent's first audio is reported (<see cref="CallEventKind.AgentAudio"/>) as soon as it plays, unless the call is silent.</summary>
    public bool ReportsFirstAudio { get; set; }

    public Task<string> PlaceCallAsync(PlaceCallRequest request, CancellationToken cancellationToken = default)
    {
        var providerId = "scripted-" + request.CallId;
        var hangUp = new CancellationTokenSource();
        if (!_live.TryAdd(providerId, hangUp))
        {
            throw new InvalidOperationException($"call {request.CallId} was dialled twice");
        }

        var campaign = request.CallId[..request.CallId.IndexOf('-', 4)];
        lock (_gate)
        {
            _peak = Math.Max(_peak, _live.Count);
            var live = _livePerCampaign.AddOrUpdate(campaign, 1, (_, n) => n + 1);
            _peakPerCampaign.AddOrUpdate(campaign, live, (_, n) => Math.Max(n, live));
        }

        Placed.Enqueue(request);
        var script = Behavior(request);
        var line = new Line(this, providerId, campaign);
        _ = Task.Run(() => PlayAsync(request, script, line, hangUp.Token)).ContinueWith(_ => line.Close());
        return Task.FromResult(providerId);
    }

    /// <summary>The line is free the moment the call ends, before the end is reported to the grain.</summary>
    private sealed class Line(ScriptedTelephony owner, string providerId, string campaign)
    {
        private int _closed;

        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1)
            {
                return;
            }

            lock (owner._gate)
            {
                owner._live.TryRemove(providerId, out var source);
                source?.Dispose();
                owner._livePerCampaign.AddOrUpdate(campaign, 0, (_, n) => n - 1);
            }
        }
    }

    public Task HangUpAsync(string callId, string providerCallId, CancellationToken cancellationToken = default)
    {
        if (_live.TryGetValue(providerCallId, out var hangUp))
        {
            hangUp.Cancel();
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsLiveAsync(string callId, string providerCallId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_live.ContainsKey(providerCallId));

    private async Task<CallInstruction> StreamAsync(PlaceCallRequest request, ICallGrain grain, string spoken, CancellationToken hangUp)
    {
        var turn = DoNotCallAtFirstWord.Keys.Count(k => k.CallId == request.CallId) + 1;
        var said = new System.Text.StringBuilder();
        await foreach (var token in grain.ConverseAsync(new CallEvent(CallEventKind.Speech, spoken), hangUp))
        {
            if (said.Length == 0 && token.Text.Length > 0)
            {
                // The list every dial decision reads, read directly: the customer's grain may still be busy writing to it.
                DoNotCallAtFirstWord[(request.CallId, turn)] = await directory.IsDoNotCallAsync(request.To, hangUp);
            }

            said.Append(token.Text);
            if (token.Last)
            {
                return new CallInstruction(said.ToString(), !token.HangUp, token.HangUp);
            }
        }

        return CallInstruction.None;
    }

    private async Task PlayAsync(PlaceCallRequest request, CallScript script, Line line, CancellationToken hangUp)
    {
        var grain = grains.GetGrain<ICallGrain>(request.CallId);
        async Task Send(CallEvent e)
        {
            await grain.OnEventAsync(e);
            if (script.RepeatEvents)
            {
                await grain.OnEventAsync(e);
            }
        }

        try
        {
            await Task.Delay(5, hangUp);
            if (script.Unanswered is { } reason)
            {
                line.Close();
                await Send(new CallEvent(CallEventKind.Ended, EndReason: reason));
                return;
            }

            var instruction = await grain.OnEventAsync(new CallEvent(CallEventKind.Answered));
            if (script.RepeatEvents)
            {
                await grain.OnEventAsync(new CallEvent(CallEventKind.Answered));
            }

            if (ReportsFirstAudio && !script.Silent && !string.IsNullOrEmpty(instruction.Say))
            {
                await grain.OnEventAsync(new CallEvent(CallEventKind.AgentAudio));
            }

            foreach (var spoken in script.CustomerLines)
            {
                if (!instruction.Listen)
                {
                    break;
                }

                instruction = script.Streamed
                    ? await StreamAsync(request, grain, spoken, hangUp)
                    : await grain.OnEventAsync(new CallEvent(CallEventKind.Speech, spoken));
            }

            await Task.Delay(script.Duration, hangUp);
            line.Close();
            await Send(new CallEvent(CallEventKind.Ended, EndReason: CallEndReason.Completed));
            EndsAnswered.Enqueue(request.CallId);
            if (script.RepeatEvents)
            {
                await grain.OnEventAsync(new CallEvent(CallEventKind.Answered));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
