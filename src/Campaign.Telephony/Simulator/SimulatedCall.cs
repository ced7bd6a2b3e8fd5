using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telephony;

namespace Campaign.Telephony.Simulator;

/// <summary>One simulated call, from ringing to hang-up, in simulated time.</summary>
internal sealed class SimulatedCall(IGrainFactory grains, ICustomerDirectory directory, SimulatorOptions options, SimulatedClocks clocks, PlaceCallRequest request)
{
    private const double SecondsPerWord = 0.35;
    private readonly ICallGrain _grain = grains.GetGrain<ICallGrain>(request.CallId);
    private readonly Random _random = new(StableHash.Of(options.Seed, $"{request.CallId}"));

    public async Task RunAsync(CancellationToken hangUp)
    {
        if (options.FixedCallDuration is { } fixedDuration)
        {
            await RunFixedAsync(fixedDuration, hangUp);
            return;
        }

        var customer = await directory.GetAsync(request.CustomerId, hangUp);
        if (customer is null)
        {
            await EndAsync(CallEndReason.Failed);
            return;
        }

        var now = clocks.Calendar.GetUtcNow();
        var person = VirtualCustomer.For(customer, options.Seed, now, options.CallbackShare, options.PersonShare);
        var zone = customer.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        var pickup = person.Pickup(TimeZoneInfo.ConvertTime(now, zone), _random);

        await WaitAsync(1 + _random.Next(2), hangUp);
        await _grain.OnEventAsync(new CallEvent(CallEventKind.Ringing));
        switch (pickup)
        {
            case SimulatedPickup.Busy:
                await EndAsync(CallEndReason.Busy);
                return;
            case SimulatedPickup.Failed:
                await EndAsync(CallEndReason.Failed);
                return;
            case SimulatedPickup.NoAnswer:
                await WaitAsync(request.RingTimeout.TotalSeconds, hangUp);
                await EndAsync(CallEndReason.NoAnswer);
                return;
            case SimulatedPickup.Voicemail:
                await WaitAsync(12 + _random.Next(8), hangUp);
                var message = await _grain.OnEventAsync(new CallEvent(CallEventKind.MachineAnswered));
                await WaitAsync(Speaking(message.Say), hangUp);
                await EndAsync(CallEndReason.Completed);
                return;
        }

        await WaitAsync(3 + _random.Next(12), hangUp);
        var instruction = await _grain.OnEventAsync(new CallEvent(CallEventKind.Answered));
        person = person.Hearing(instruction.Say, options.Seed, customer.Id);
        var afterGoodbye = new LastWordsExchange(person.LastWords);
        for (var turn = 0; ; turn++)
        {
            await WaitAsync(Speaking(instruction.Say), hangUp);
            if (instruction.TransferTo is { } number)
            {
                instruction = await TransferAsync(number, hangUp);
                if (instruction.HangUp && instruction.Say is null)
                {
                    // The colleague had the customer; the call ended when they hung up.
                    break;
                }

                continue;
            }

            if (instruction is { HangUp: true, Listen: true } || (afterGoodbye.Started && instruction.Listen))
            {
                if (afterGoodbye.Answer(instruction) is not { } words)
                {
                    // Silence over a goodbye is no turn: a real provider hangs up once the moment has passed and
                    // reports only the end. A person who has had their say hangs up.
                    await WaitAsync(instruction.HangUp ? LastWords.Seconds : 0, hangUp);
                    break;
                }

                await WaitAsync(1, hangUp);
                await WaitAsync(Speaking(words), hangUp);
                instruction = await _grain.OnEventAsync(new CallEvent(CallEventKind.Speech, words));
                continue;
            }

            if (instruction.HangUp || !instruction.Listen)
            {
                break;
            }

            await WaitAsync(1 + (_random.NextDouble() * 3), hangUp);
            var reply = person.Reply(turn, _random);
            await WaitAsync(Speaking(reply), hangUp);
            instruction = await _grain.OnEventAsync(reply is null ? new CallEvent(CallEventKind.Silence) : new CallEvent(CallEventKind.Speech, reply));
        }

        await EndAsync(CallEndReason.Completed);
    }

    /// <summary>
    /// A virtual colleague's line rings: answered (then they talk for one to four minutes), busy, or not answered,
    /// by the call's seeded chance.
    /// </summary>
    private async Task<CallInstruction> TransferAsync(string number, CancellationToken hangUp)
    {
        var roll = _random.NextDouble();
        await WaitAsync(4 + _random.Next(16), hangUp);
        if (roll < options.TransferAnswerRate)
        {
            await _grain.OnEventAsync(new CallEvent(CallEventKind.Transfer, Transfer: TransferResult.Connected, Party: $"{number} (desk {1 + _random.Next(12)})"));
            await WaitAsync(60 + _random.Next(180), hangUp);
            return CallInstruction.SayAndHangUp(null);
        }

        var result = roll < options.TransferAnswerRate + ((1 - options.TransferAnswerRate) / 2) ? TransferResult.Busy : TransferResult.NoAnswer;
        return await _grain.OnEventAsync(new CallEvent(CallEventKind.Transfer, Transfer: result));
    }

    private async Task RunFixedAsync(TimeSpan duration, CancellationToken hangUp)
    {
        var started = clocks.Real.GetUtcNow();
        await _grain.OnEventAsync(new CallEvent(CallEventKind.Answered));
        var left = duration - (clocks.Real.GetUtcNow() - started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, clocks.Real, hangUp);
        }

        await EndAsync(CallEndReason.Completed);
    }

    private Task EndAsync(CallEndReason reason) => _grain.OnEventAsync(new CallEvent(CallEventKind.Ended, EndReason: reason));

    private static double Speaking(string? text) =>
        text is null ? 0 : text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length * SecondsPerWord;

    private Task WaitAsync(double simulatedSeconds, CancellationToken hangUp) =>
        simulatedSeconds <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds(simulatedSeconds / clocks.TimeScale), clocks.Real, hangUp);
}
