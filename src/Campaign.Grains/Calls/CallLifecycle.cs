using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;

namespace Campaign.Grains.Calls;

/// <summary>What a call grain does with a provider's event, given where the call stands.</summary>
public enum CallStep
{
    /// <summary>Nothing changes (a late, repeated or out-of-order event).</summary>
    Ignore,

    /// <summary>The call is not live here (never started or already over): the provider is told to hang up.</summary>
    HangUp,

    Ringing,

    /// <summary>A person answered: the agent opens the conversation.</summary>
    Answer,

    /// <summary>The answer was repeated before the callee said anything: the opening is given again.</summary>
    RepeatOpening,

    /// <summary>An answering machine: the voicemail policy applies.</summary>
    Machine,

    /// <summary>The callee's next turn (words or silence): the agent replies.</summary>
    Turn,

    /// <summary>The callee's last turn repeated (a retried webhook): the same reply again.</summary>
    RepeatTurn,

    /// <summary>The agent's audio started for the first time.</summary>
    FirstAudio,

    /// <summary>The callee spoke over the agent.</summary>
    Interrupted,

    /// <summary>News of the transfer to a person.</summary>
    Transfer,

    /// <summary>The call is over.</summary>
    End,
}

/// <summary>Where a call stands, as far as deciding on an event goes.</summary>
public readonly record struct CallPosition(bool Live, CallStatus Status, int Turns, bool HasReply, bool HeardAudio)
{
    /// <summary>A call that was never started or whose state is gone.</summary>
    public static CallPosition None => new(false, CallStatus.Created, 0, false, false);
}

/// <summary>
/// The call's state machine, without I/O: which step an event leads to from where the call stands, and what result an
/// end means. Providers repeat and reorder events; every transition not listed is ignored.
/// </summary>
public static class CallLifecycle
{
    public static CallStep Next(CallPosition call, CallEvent callEvent)
    {
        if (!call.Live || call.Status == CallStatus.Ended)
        {
            return callEvent.Kind == CallEventKind.Ended ? CallStep.Ignore : CallStep.HangUp;
        }

        return (callEvent.Kind, call.Status) switch
        {
            (CallEventKind.Ringing, CallStatus.Dialing) => CallStep.Ringing,
            (CallEventKind.Answered, CallStatus.Dialing or CallStatus.Ringing) => CallStep.Answer,
            (CallEventKind.Answered, CallStatus.InProgress) when call.Turns == 0 && call.HasReply => CallStep.RepeatOpening,

            // Asynchronous machine detection reports the machine after the call was answered as if by a person.
            (CallEventKind.MachineAnswered, CallStatus.Dialing or CallStatus.Ringing or CallStatus.InProgress) when IsNextTurn(call, callEvent) => CallStep.Machine,
            (CallEventKind.Speech or CallEventKind.Silence, CallStatus.InProgress) when IsNextTurn(call, callEvent) => CallStep.Turn,
            (CallEventKind.Speech or CallEventKind.Silence, CallStatus.InProgress) when callEvent.Turn == call.Turns && call.HasReply => CallStep.RepeatTurn,
            (CallEventKind.AgentAudio, CallStatus.InProgress) when !call.HeardAudio => CallStep.FirstAudio,
            (CallEventKind.Interrupted, CallStatus.InProgress) => CallStep.Interrupted,
            (CallEventKind.Transfer, CallStatus.InProgress) => CallStep.Transfer,
            (CallEventKind.Ended, _) => CallStep.End,
            _ => CallStep.Ignore,
        };
    }

    /// <summary>An event for the callee's next turn: unnumbered, or numbered one after the turns taken.</summary>
    public static bool IsNextTurn(CallPosition call, CallEvent callEvent) => callEvent.Turn is not { } turn || turn == call.Turns + 1;

    /// <summary>What an end means from where the call stood: a conversation or a voicemail whatever the reason, else the reason.</summary>
    public static CallResult ResultOf(CallStatus status, CallEndReason reason) => status switch
    {
        CallStatus.InProgress => CallResult.Answered,
        CallStatus.Voicemail => CallResult.Voicemail,
        _ => reason switch
        {
            CallEndReason.Busy => CallResult.Busy,
            CallEndReason.Failed => CallResult.Failed,
            CallEndReason.Canceled => CallResult.Cancelled,
            _ => CallResult.NoAnswer,
        },
    };
}
