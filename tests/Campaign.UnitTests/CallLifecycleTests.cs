using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Grains.Calls;

namespace Campaign.UnitTests;

public class CallLifecycleTests
{
    private static CallPosition At(CallStatus status, int turns = 0, bool hasReply = false, bool heardAudio = false) =>
        new(true, status, turns, hasReply, heardAudio);

    private static CallEvent Said(string text, int? turn = null) => new(CallEventKind.Speech, text, Turn: turn);

    [Fact]
    public void A_call_that_is_not_live_here_is_hung_up_on_and_its_end_ignored()
    {
        Assert.Equal(CallStep.HangUp, CallLifecycle.Next(CallPosition.None, Said("hello")));
        Assert.Equal(CallStep.HangUp, CallLifecycle.Next(At(CallStatus.Ended), new CallEvent(CallEventKind.Answered)));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(At(CallStatus.Ended), new CallEvent(CallEventKind.Ended, EndReason: CallEndReason.Completed)));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(CallPosition.None, new CallEvent(CallEventKind.Ended)));
    }

    [Fact]
    public void Ringing_then_an_answer_opens_the_conversation_once()
    {
        Assert.Equal(CallStep.Ringing, CallLifecycle.Next(At(CallStatus.Dialing), new CallEvent(CallEventKind.Ringing)));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(At(CallStatus.Ringing), new CallEvent(CallEventKind.Ringing)));
        Assert.Equal(CallStep.Answer, CallLifecycle.Next(At(CallStatus.Ringing), new CallEvent(CallEventKind.Answered)));
        Assert.Equal(CallStep.Answer, CallLifecycle.Next(At(CallStatus.Dialing), new CallEvent(CallEventKind.Answered)));

        // The answer repeated before the callee spoke gets the opening again; after a turn it changes nothing.
        Assert.Equal(CallStep.RepeatOpening, CallLifecycle.Next(At(CallStatus.InProgress, hasReply: true), new CallEvent(CallEventKind.Answered)));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(At(CallStatus.InProgress, turns: 1, hasReply: true), new CallEvent(CallEventKind.Answered)));
    }

    [Fact]
    public void Turns_are_taken_in_order_and_a_repeated_turn_gets_the_same_reply()
    {
        var call = At(CallStatus.InProgress, turns: 2, hasReply: true);
        Assert.Equal(CallStep.Turn, CallLifecycle.Next(call, Said("yes", turn: 3)));
        Assert.Equal(CallStep.Turn, CallLifecycle.Next(call, Said("yes")));
        Assert.Equal(CallStep.Turn, CallLifecycle.Next(call, new CallEvent(CallEventKind.Silence, Turn: 3)));
        Assert.Equal(CallStep.RepeatTurn, CallLifecycle.Next(call, Said("yes", turn: 2)));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(call, Said("yes", turn: 1)));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(call, Said("yes", turn: 5)));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(At(CallStatus.Ringing), Said("hello")));
    }

    [Fact]
    public void A_machine_detected_after_the_answer_still_counts_until_the_callee_has_spoken()
    {
        Assert.Equal(CallStep.Machine, CallLifecycle.Next(At(CallStatus.Ringing), new CallEvent(CallEventKind.MachineAnswered)));
        Assert.Equal(CallStep.Machine, CallLifecycle.Next(At(CallStatus.InProgress, hasReply: true), new CallEvent(CallEventKind.MachineAnswered, Turn: 1)));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(At(CallStatus.InProgress, turns: 1, hasReply: true), new CallEvent(CallEventKind.MachineAnswered, Turn: 1)));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(At(CallStatus.Voicemail), new CallEvent(CallEventKind.MachineAnswered)));
    }

    [Fact]
    public void First_audio_is_taken_once_and_interruptions_only_in_a_conversation()
    {
        Assert.Equal(CallStep.FirstAudio, CallLifecycle.Next(At(CallStatus.InProgress), new CallEvent(CallEventKind.AgentAudio)));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(At(CallStatus.InProgress, heardAudio: true), new CallEvent(CallEventKind.AgentAudio)));
        Assert.Equal(CallStep.Interrupted, CallLifecycle.Next(At(CallStatus.InProgress), new CallEvent(CallEventKind.Interrupted, "Hello, this")));
        Assert.Equal(CallStep.Ignore, CallLifecycle.Next(At(CallStatus.Ringing), new CallEvent(CallEventKind.Interrupted)));
    }

    [Theory]
    [InlineData(CallStatus.InProgress, CallEndReason.NoAnswer, CallResult.Answered)]
    [InlineData(CallStatus.InProgress, CallEndReason.Canceled, CallResult.Answered)]
    [InlineData(CallStatus.Voicemail, CallEndReason.Completed, CallResult.Voicemail)]
    [InlineData(CallStatus.Ringing, CallEndReason.Busy, CallResult.Busy)]
    [InlineData(CallStatus.Dialing, CallEndReason.Failed, CallResult.Failed)]
    [InlineData(CallStatus.Ringing, CallEndReason.Canceled, CallResult.Cancelled)]
    [InlineData(CallStatus.Ringing, CallEndReason.Completed, CallResult.NoAnswer)]
    [InlineData(CallStatus.Dialing, CallEndReason.NoAnswer, CallResult.NoAnswer)]
    public void An_end_means_a_conversation_or_a_voicemail_whatever_the_reason_else_the_reason(CallStatus status, CallEndReason reason, CallResult expected)
    {
        Assert.Equal(CallStep.End, CallLifecycle.Next(At(status), new CallEvent(CallEventKind.Ended, EndReason: reason)));
        Assert.Equal(expected, CallLifecycle.ResultOf(status, reason));
    }
}
