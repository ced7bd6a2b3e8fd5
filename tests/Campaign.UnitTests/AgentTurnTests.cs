using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Tests.Support;

namespace Campaign.UnitTests;

/// <summary>A turn works on a draft of the session and returns what it changed; the session changes only when it is applied.</summary>
public class AgentTurnTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static ConversationSession Session() => new()
    {
        Customer = TestCustomers.Profile("C-1"),
        CallId = "call-1",
        Transcript = [new TranscriptLine(Speaker.Agent, "Hello, is now a good time?", Now)],
        Concerns = ["price"],
    };

    [Fact]
    public void A_turn_worked_on_a_draft_leaves_the_session_alone_until_it_is_applied()
    {
        var session = Session();
        var draft = session.Draft();
        draft.Transcript.Add(new TranscriptLine(Speaker.Customer, "Call me tomorrow", Now.AddSeconds(3)));
        draft.Transcript.Add(new TranscriptLine(Speaker.Agent, "Of course. Goodbye.", Now.AddSeconds(4)));
        draft.Interest = Interest.Neutral;
        draft.Concerns.Add("timing");
        draft.FollowUp = new FollowUp(FollowUpKind.Callback, Now.AddDays(1));
        draft.Silences = 1;
        draft.Memory.CallbackPhrase = "tomorrow";
        draft.Memory.Dialogue.Step = DialogueStep.Closed;

        var turn = AgentTurn.Between(session, draft, new AgentReply("Of course. Goodbye.", EndCall: true));

        Assert.Single(session.Transcript);
        Assert.Equal((Interest.Unknown, 1, 0, null), (session.Interest, session.Concerns.Count, session.Silences, session.Memory.CallbackPhrase));
        Assert.Equal(DialogueStep.Interest, session.Memory.Dialogue.Step);
        Assert.Equal((1, 2), (turn.KeptLines, turn.NewLines.Count));

        session.Apply(turn);

        Assert.Equal(["Hello, is now a good time?", "Call me tomorrow", "Of course. Goodbye."], session.Transcript.Select(l => l.Text));
        Assert.Equal((Interest.Neutral, FollowUpKind.Callback, 1), (session.Interest, session.FollowUp.Kind, session.Silences));
        Assert.Equal(["price", "timing"], session.Concerns);
        Assert.Equal(("tomorrow", DialogueStep.Closed), (session.Memory.CallbackPhrase, session.Memory.Dialogue.Step));
    }

    [Fact]
    public void A_turn_that_cut_the_agents_last_line_replaces_it_and_keeps_the_lines_before()
    {
        var session = Session();
        session.Transcript.Add(new TranscriptLine(Speaker.Customer, "Yes", Now.AddSeconds(2)));
        session.Transcript.Add(new TranscriptLine(Speaker.Agent, "Great, let me tell you about the free check.", Now.AddSeconds(3)));
        var draft = session.Draft();
        draft.Transcript[^1] = draft.Transcript[^1] with { Text = "Great, let me [interrupted]" };

        var turn = AgentTurn.Between(session, draft, new AgentReply("", EndCall: false));
        session.Apply(turn);

        Assert.Equal((2, 1), (turn.KeptLines, turn.NewLines.Count));
        Assert.Equal(["Hello, is now a good time?", "Yes", "Great, let me [interrupted]"], session.Transcript.Select(l => l.Text));
    }

    [Fact]
    public void An_opt_out_in_a_turn_is_final_in_the_facts_it_returns()
    {
        var session = Session();
        var draft = session.Draft();
        draft.OptedOut = true;
        draft.Interest = Interest.NotInterested;
        draft.FollowUp = new FollowUp(FollowUpKind.LeaveAlone, null);

        var facts = AgentTurn.Between(session, draft, new AgentReply("Goodbye.", EndCall: true)).Facts;

        Assert.Equal((true, Interest.NotInterested, FollowUpKind.LeaveAlone), (facts.OptedOut, facts.Interest, facts.FollowUp.Kind));
        Assert.False(session.OptedOut);
    }
}
