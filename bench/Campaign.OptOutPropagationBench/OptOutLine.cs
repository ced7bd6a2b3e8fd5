using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telephony;

namespace Campaign.OptOutPropagationBench;

/// <summary>What one opted-out call measured, in Stopwatch ticks from the utterance.</summary>
public sealed record OptOutTiming(string Phone, long UtteredAt, DateTimeOffset UtteredAtEngine, long ListedAfter, long FirstWordAfter, bool ListedAtFirstWord);

/// <summary>
/// Telephony whose first call to a number is answered by a person who says "stop calling me" (streamed, as over
/// ConversationRelay) and hangs up after the reply. From the utterance on, the do-not-call list every dial decision
/// reads is watched until it holds the number. Every dial is recorded with its time.
/// </summary>
public sealed class OptOutLine(IGrainFactory grains, ICustomerDirectory directory, BenchClock clock) : ITelephony
{
    public const string Utterance = "Please stop calling me. Take me off your list.";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<long>> _dials = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<OptOutTiming>> _timings = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _answer = new();

    /// <summary>Calls to the number ring until <see cref="Answer"/>: both campaigns must be running before anyone opts out.</summary>
    public void HoldAnswer(string phone) => _answer[phone] = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Answer(string phone)
    {
        if (_answer.TryGetValue(phone, out var answer))
        {
            answer.TrySetResult();
        }
    }

    /// <summary>Stopwatch times at which the number was dialled.</summary>
    public IReadOnlyCollection<long> DialsTo(string phone) => _dials.TryGetValue(phone, out var dials) ? dials.ToArray() : [];

    public Task<OptOutTiming> TimingFor(string phone) => _timings.GetOrAdd(phone, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public Task<string> PlaceCallAsync(PlaceCallRequest request, CancellationToken cancellationToken = default)
    {
        var dials = _dials.GetOrAdd(request.To, _ => new());
        dials.Enqueue(Stopwatch.GetTimestamp());
        var first = dials.Count == 1;
        _ = Task.Run(() => first ? OptOutAsync(request) : HangUpUnansweredAsync(request));
        return Task.FromResult("line-" + request.CallId);
    }

    public Task HangUpAsync(string callId, string providerCallId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<bool> IsLiveAsync(string callId, string providerCallId, CancellationToken cancellationToken = default) => Task.FromResult(true);

    private async Task OptOutAsync(PlaceCallRequest request)
    {
        var timing = _timings.GetOrAdd(request.To, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            if (_answer.TryGetValue(request.To, out var answer))
            {
                await answer.Task;
            }

            var call = grains.GetGrain<ICallGrain>(request.CallId);
            await call.OnEventAsync(new CallEvent(CallEventKind.Answered));
            var engineNow = clock.GetUtcNow();
            var uttered = Stopwatch.GetTimestamp();
            var watch = WatchListAsync(request.To, uttered);
            long firstWord = -1;
            var listedAtFirstWord = false;
            var said = new StringBuilder();
            await foreach (var token in call.ConverseAsync(new CallEvent(CallEventKind.Speech, Utterance, Turn: 1)))
            {
                if (firstWord < 0 && token.Text.Length > 0)
                {
                    firstWord = Stopwatch.GetTimestamp() - uttered;
                    listedAtFirstWord = await directory.IsDoNotCallAsync(request.To);
                }

                said.Append(token.Text);
            }

            var listed = await watch;
            await call.OnEventAsync(new CallEvent(CallEventKind.Ended, EndReason: CallEndReason.Completed));
            timing.TrySetResult(new OptOutTiming(request.To, uttered, engineNow, listed, firstWord, listedAtFirstWord));
        }
        catch (Exception ex)
        {
            timing.TrySetException(ex);
        }
    }

    /// <summary>
    /// Reads the list every dial decision reads, back to back, until it holds the number; ticks after the utterance. A
    /// timer between reads would add its own granularity (milliseconds) to what is measured.
    /// </summary>
    private async Task<long> WatchListAsync(string phone, long uttered)
    {
        while (!await directory.IsDoNotCallAsync(phone))
        {
            await Task.Yield();
        }

        return Stopwatch.GetTimestamp() - uttered;
    }

    private Task HangUpUnansweredAsync(PlaceCallRequest request) =>
        grains.GetGrain<ICallGrain>(request.CallId).OnEventAsync(new CallEvent(CallEventKind.Ended, EndReason: CallEndReason.NoAnswer));
}
