using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Grains.Calls;
using Campaign.Grains.Compliance;

namespace Campaign.UnitTests;

public class CallStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static CallRequest Request(VoicemailPolicy policy) =>
        new("call-1", "camp-1", "cust-1", 1, 1, null, null, null, policy, TimeSpan.FromMinutes(5));

    [Fact]
    public void A_machine_gets_the_campaigns_message_or_a_hang_up_and_the_note_says_which()
    {
        var leave = new CallState { Request = Request(new VoicemailPolicy(VoicemailAction.LeaveMessage, "Please call us back.")) };
        Assert.Equal("Please call us back.", leave.MachineAnswered(Now));
        Assert.Equal(CallStatus.Voicemail, leave.Status);
        Assert.Equal("voicemail: message left", leave.Note);

        var hangUp = new CallState { Request = Request(new VoicemailPolicy(VoicemailAction.HangUp, null)) };
        Assert.Null(hangUp.MachineAnswered(Now));
        Assert.Equal("voicemail: hung up", hangUp.Note);
    }

    [Fact]
    public void An_answered_call_whose_agent_spoke_too_late_is_ended_as_abandoned_and_keeps_its_earlier_note()
    {
        var abandon = new AbandonRule(TimeSpan.FromSeconds(2), 0.03, 1);
        var late = new CallState { Status = CallStatus.InProgress, AnsweredAt = Now, FirstAudioAt = Now.AddSeconds(5), Note = "conversation error: x" };
        late.End(CallResult.Answered, null, Now.AddMinutes(1), abandon);
        Assert.True(late.Abandoned);
        Assert.Equal("conversation error: x", late.Note);
        Assert.Equal(CallStatus.Ended, late.Status);

        var prompt = new CallState { Status = CallStatus.InProgress, AnsweredAt = Now, FirstAudioAt = Now.AddSeconds(1) };
        prompt.End(CallResult.Answered, "done", Now.AddMinutes(1), abandon);
        Assert.False(prompt.Abandoned);
        Assert.Equal("done", prompt.Note);
    }
}
