using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Understanding;
using Campaign.Tests.Support;

namespace Campaign.Tests.Conversation;

/// <summary>
/// A line that only might be an opt-out is not guessed: the agent asks, and only a real yes opts the customer out; a
/// no or another answer carries on, a goodbye ends the call, and the customer stays callable.
/// </summary>
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
    public async Task Once_declined_the_question_is_not_asked_again_but_a_clear_request_still_opts_out()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Why do you keep calling me?", "No, it's fine, go on.", "Why do you keep calling me?", "Yes, tell me more.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Single(replies, r => r.Text == AgentLines.AskOptOut);
        Assert.False(outcome.OptedOut, string.Join(" | ", session.Transcript.Select(t => $"{t.Speaker}: {t.Text}")));

        var again = _harness.Session(OutageScript.Definition());
        await _harness.TalkAsync(again, "Why do you keep calling me?", "No, it's fine, go on.", "Actually, take me off your list.");
        Assert.True((await _harness.ConcludeAsync(again)).OptedOut);
    }

    [Fact]
    public async Task A_hang_up_before_answering_counts_as_an_opt_out()
    {
        var session = _harness.Session(OutageScript.Definition());

        await _harness.TalkAsync(session, "This is the fourth call this week.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.True(outcome.OptedOut);
    }

    [Fact]
    public async Task Asked_and_answered_with_a_goodbye_the_call_ends_and_the_customer_stays_callable()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "Why do you keep calling me?", "Okay, bye.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.Equal(AgentLines.AskOptOut, replies[1].Text);
        Assert.True(replies[2].EndCall);
        Assert.False(outcome.OptedOut);
        Assert.NotEqual(FollowUpKind.LeaveAlone, outcome.FollowUp.Kind);
    }

    [Fact]
    public async Task Asked_and_answered_about_something_else_the_call_goes_on()
    {
        var session = _harness.Session(OutageScript.Definition());

        var replies = await _harness.TalkAsync(session, "This is the fourth call this week.", "Sorry, I'd actually like to hear more about it.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.False(replies[2].EndCall);
        Assert.False(outcome.OptedOut);
    }

    [Fact]
    public async Task A_bare_no_keeps_what_the_line_before_said_about_the_offer()
    {
        var session = _harness.Session(OutageScript.Definition());

        await _harness.TalkAsync(session, "Honestly, you lot only ring when you want something. But fine, go on.", "No, nothing.");
        var outcome = await _harness.ConcludeAsync(session);

        Assert.False(outcome.OptedOut);
        Assert.Equal(Interest.Interested, outcome.Interest);
    }

    [Theory]
    [InlineData("Honestly? Not bothered.")]
    [InlineData("I'm really not bothered either way, to be honest.")]
    public void Indifference_about_the_offer_is_not_asked_about(string line) =>
        Assert.Equal(OptOutSignal.None, new OptOutRecognizer(SemanticOptOutScorer.Shared).Classify(line, answersOffer: false));

    [Theory]
    [InlineData("It's the number ending 4471. And no concerns besides the blackouts at night.", OptOutSignal.None)]
    [InlineData("Call my cell, the one ending in 2 9 3.", OptOutSignal.None)]
    [InlineData("I don't want to be hearing from Lakeshore again.", OptOutSignal.Definite)]
    [InlineData("I don't want to hear any more from you people.", OptOutSignal.Definite)]
    [InlineData("Contact me by email, I'm never near the phone.", OptOutSignal.Possible)]
    [InlineData("Never phone me again.", OptOutSignal.Definite)]
    public void Which_number_is_no_end_and_not_hearing_again_is_a_request(string line, OptOutSignal signal) => Assert.Equal(signal, OptOutDetector.Classify(line));

    [Theory]
    [InlineData("Send it on email only, please.", OptOutSignal.None)]
    [InlineData("Contact me by email only.", OptOutSignal.Definite)]
    public void Information_by_email_only_is_not_a_channel_preference(string line, OptOutSignal signal) => Assert.Equal(signal, OptOutDetector.Classify(line));

    [Theory]
    [InlineData("Yes.")]
    [InlineData("Yeah, stop it.")]
    [InlineData("Please do.")]
    [InlineData("Yes please, take me off your list.")]
    [InlineData("Uh, yeah.")]
    [InlineData("Absolutely.")]
    [InlineData("I already told you, didn't I?")]
    [InlineData("Obviously!")]
    [InlineData("Okay.")]
    [InlineData("Yes, and goodbye.")]
    [InlineData("Just remove my number.")]
    [InlineData("Don't ever ring again.")]
    [InlineData("Yes, you ring every day.")]
    [InlineData("Yeah, I'm not interested in the inspection.")]
    [InlineData("Yes, I told you on Monday.")]
    [InlineData("That's it, yeah.")]
    public void A_real_affirmative_confirms(string line) => Assert.Equal(ConfirmationAnswer.Yes, OptOutConfirmation.Read(line));

    [Theory]
    [InlineData("No, it's fine.")]
    [InlineData("Nope, carry on.")]
    [InlineData("Not at all, you can call.")]
    [InlineData("Nah, I don't mind.")]
    [InlineData("Oh no no, go on.")]
    [InlineData("No thanks, that's not what I meant.")]
    [InlineData("Okay, fair enough. No, I'll pass, thanks.")]
    public void A_no_declines(string line) => Assert.Equal(ConfirmationAnswer.No, OptOutConfirmation.Read(line));

    [Theory]
    [InlineData("Bye.")]
    [InlineData("Okay, bye.")]
    [InlineData("Thanks, goodbye.")]
    [InlineData("Right, I've got to go.")]
    [InlineData("Cheers, take care.")]
    [InlineData("Cheerio.")]
    [InlineData("ok by")]
    public void A_goodbye_is_not_a_yes(string line) => Assert.Equal(ConfirmationAnswer.Goodbye, OptOutConfirmation.Read(line));

    [Theory]
    [InlineData("What is this about?")]
    [InlineData("Sorry, I'd like to hear more about the inspection.")]
    [InlineData("Send me a leaflet.")]
    [InlineData("The lights keep flickering though.")]
    [InlineData("Okay, go on then, tell me more.")]
    [InlineData("")]
    [InlineData("Yes, Thursday morning works.")]
    [InlineData("Yeah, the inspection sounds good.")]
    [InlineData("Yes please, how much is it?")]
    [InlineData("Okay, I'm interested actually.")]
    [InlineData("Sure, after 6pm is best.")]
    [InlineData("Yeah, my wife's on a ventilator.")]
    [InlineData("Sure, send whatever, I'll look at it at some point.")]
    public void Anything_else_is_not_a_yes(string line) => Assert.Equal(ConfirmationAnswer.Other, OptOutConfirmation.Read(line));
}
