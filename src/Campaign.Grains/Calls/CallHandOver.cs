using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;

namespace Campaign.Grains.Calls;

/// <summary>
/// The provider's news of a transfer to a person: connected (who took it, and from when the person talks), or not
/// (no answer, busy, failed), when the agent apologises, a colleague's callback is recorded and the call ends. The
/// call itself stays live (and keeps its trunk slot) until the provider reports its end. Repeated news changes nothing.
/// </summary>
internal sealed class CallHandOver(IPersistentState<CallState> state, ICallTimers timers, TimeProvider clock)
{
    public const string NobodyFree = "I'm sorry, none of my colleagues could take your call just now. One of them will call you back as soon as possible. Goodbye.";

    private CallState Call => state.State;

    public async Task<CallInstruction> OnResultAsync(CallEvent news)
    {
        if (Call.Transfer is not { } transfer || news.Transfer is not { } result || result == TransferResult.Pending)
        {
            return CallInstruction.None;
        }

        if (transfer.Result != TransferResult.Pending)
        {
            // Told again (or the end of a connected leg): the customer's line has nothing more from the agent.
            return transfer.Result == TransferResult.Connected ? Connected() : Call.LastInstruction! with { Repeat = true };
        }

        var now = clock.GetUtcNow();
        if (result == TransferResult.Connected)
        {
            Call.Transfer = transfer with { Result = result, TakenBy = news.Party ?? transfer.Number, ConnectedAt = now };
            timers.StopDeadline();
            await state.WriteStateAsync();
            return Connected();
        }

        Call.Transfer = transfer with { Result = result };
        var session = Call.Session!;
        session.Transcript.Add(new TranscriptLine(Speaker.Agent, NobodyFree, now));
        if (!session.OptedOut)
        {
            session.FollowUp = new FollowUp(FollowUpKind.Callback, session.FollowUp.At);
        }

        Call.LastInstruction = CallInstruction.SayAndHangUp(NobodyFree);
        await state.WriteStateAsync();
        return Call.LastInstruction;
    }

    /// <summary>
    /// The person has the customer: the agent's line has nothing more to say (the customer's line ends with the
    /// person's), and the person hears the whisper of the transfer when it had one.
    /// </summary>
    private CallInstruction Connected() => CallInstruction.SayAndHangUp(null) with { Whisper = Call.LastInstruction?.Whisper };
}
