using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Understanding;
using Campaign.Tests.Support;

namespace Campaign.Tests.Conversation;

/// <summary>A line that only might be an opt-out is not guessed: the agent asks, and only a clear no keeps the customer callable.</summary>
public sealed class OptOutConfirmationTests : IDisposable
{
    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("Why do you keep calling me?")]
    [InlineData("This is the fourth call this week.")]
    [InlineData("I'm sick of these calls.")]
    public void An_annoyed_line_is_a_possible_opt_out(string line) => Assert.Equal(OptOutSignal.Possible, OptOutDetector.Classify(line));

    [Fact]
    public async Task Asked_and_confirmed_the_customer_is_opted_out()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Why do you keep calling me?", "Yes please.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Equal(AgentLines.AskOptOut, replies[1].Text);
        Assert.False(replies[1].EndCall);
        Assert.True(replies[2].EndCall);
        Assert.True(outcome.OptedOut);
        Assert.Equal(FollowUpKind.LeaveAlone, outcome.FollowUp.Kind);
    }

    [Fact]
    public async Task Asked_and_declined_the_call_goes_on_and_the_customer_stays_callable()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Why do you keep calling me?", "No, it's fine, go on.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Equal(AgentLines.AskOptOut, replies[1].Text);
        Assert.False(replies[2].EndCall);
        Assert.NotEqual(AgentLines.AskOptOut, replies[2].Text);
        Assert.False(outcome.OptedOut);
    }

    [Fact]
    public async Task A_hang_up_before_answering_counts_as_an_opt_out()
    {
        var session = _harness.Session(OutageScript.Definition());

        await _harness.TalkAsync(session, "This is the fourth call this week.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.True(outcome.OptedOut);
    }

    [Theory]
    [InlineData("Yes.", true)]
    [InlineData("Yeah, stop it.", true)]
    [InlineData("Please do.", true)]
    [InlineData("No, it's fine.", false)]
    [InlineData("Nope, carry on.", false)]
    [InlineData("Not at all, you can call.", false)]
    [InlineData("What is this about?", null)]
    public void The_answer_to_the_question_is_read(string line, bool? yes) => Assert.Equal(yes, OptOutDetector.ReadConfirmation(line));
}
