using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Agent;
using Campaign.Tests.Support;

namespace Campaign.Tests.Conversation;

/// <summary>The offline engine and a request for a person: put through within the hours, a callback outside them.</summary>
public sealed class OfflineTransferTests : IDisposable
{
    private const string Number = "+12125550142";
    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("Can I speak to a real person?")]
    [InlineData("I'd like to talk to someone, please.")]
    [InlineData("Please put me through to an agent.")]
    [InlineData("Look, I want a human.")]
    public async Task A_request_for_a_person_is_put_through_with_a_whisper(string line)
    {
        var session = _harness.Session(OutageScript.Definition() with { Transfer = new ScriptTransfer(Number) });

        var replies = await _harness.TalkAsync(session, line);

        Assert.Equal(HumanTransfer.PutThroughLine, replies[1].Text);
        Assert.False(replies[1].EndCall);
        Assert.Equal(Number, replies[1].Transfer?.Number);
        Assert.StartsWith("Transfer from the Lakeshore Utilities assistant. Customer: Ana Silva.", replies[1].Transfer?.Whisper);
    }

    [Fact]
    public async Task Without_a_whisper_the_person_is_connected_at_once()
    {
        var session = _harness.Session(OutageScript.Definition() with { Transfer = new ScriptTransfer(Number, Whisper: false) });

        var replies = await _harness.TalkAsync(session, "Can I speak to a real person?");

        Assert.Equal((Number, null), (replies[1].Transfer?.Number, replies[1].Transfer?.Whisper));
    }

    [Theory]
    [InlineData("Are you a robot?")]
    [InlineData("Is this a real person?")]
    public async Task Asking_whether_the_agent_is_a_person_is_not_a_request_for_one(string line)
    {
        var session = _harness.Session(OutageScript.Definition() with { Transfer = new ScriptTransfer(Number) });

        var replies = await _harness.TalkAsync(session, line);

        Assert.Null(replies[1].Transfer);
        Assert.Contains("automated assistant", replies[1].Text);
    }

    [Fact]
    public async Task Outside_the_hours_a_callback_is_recorded_at_the_next_opening_and_the_call_closes()
    {
        var now = _harness.Clock.GetUtcNow();
        var tomorrow = now.UtcDateTime.AddDays(1);
        var hours = new TransferHours([tomorrow.DayOfWeek.ToString()], "09:00", "17:00", "UTC");
        var session = _harness.Session(OutageScript.Definition() with { Transfer = new ScriptTransfer(Number, hours) });

        var replies = await _harness.TalkAsync(session, "Can I speak to a real person?");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Null(replies[1].Transfer);
        Assert.True(replies[1].EndCall);
        Assert.Contains("My colleagues aren't available right now", replies[1].Text);
        Assert.Equal(new FollowUp(FollowUpKind.Callback, new DateTimeOffset(tomorrow.Date.AddHours(9), TimeSpan.Zero)), outcome.FollowUp);
    }

    [Fact]
    public async Task A_script_without_a_transfer_number_offers_a_callback_instead()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Can I speak to a real person?", "Tomorrow at 10 am.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Null(replies[1].Transfer);
        Assert.StartsWith(HumanTransfer.NoTransferLine, replies[1].Text);
        Assert.Equal(FollowUpKind.Callback, outcome.FollowUp.Kind);
        Assert.NotNull(outcome.FollowUp.At);
    }
}
