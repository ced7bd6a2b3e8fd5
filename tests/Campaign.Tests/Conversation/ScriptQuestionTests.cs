using Campaign.Abstractions.Customers;
using Campaign.Conversation.Scripts;
using Campaign.Conversation.Understanding;
using Campaign.ConversationEval.Eval;

namespace Campaign.Tests.Conversation;

/// <summary>
/// The customer's questions find the script's answers by what they ask after (a price, a duration, a person) as well as
/// by shared words, and a line that merely mentions the offer finds no answer at all.
/// </summary>
public sealed class ScriptQuestionTests
{
    private static readonly ScriptKnowledge Knowledge = new(
        ScriptRenderer.Render(EvalScript.Definition, EvalScript.Customer).Script, EvalScript.Customer);

    [Theory]
    [InlineData("What's it gonna set me back?", "How much does the inspection cost?")]
    [InlineData("is there a catch money wise", "How much does the inspection cost?")]
    [InlineData("What will be the charges for this?", "How much does the inspection cost?")]
    [InlineData("Who would actually be coming out?", "Who does the inspection?")]
    [InlineData("How long would it take?", "How long does the inspection take?")]
    public void A_question_finds_the_answer_to_what_it_asks_after(string line, string question) =>
        Assert.Equal(question, UtteranceAnalyzer.Analyze(line, Knowledge).Faq?.Question);

    [Theory]
    [InlineData("Um, what was it? An inspection? I mean, maybe?")]
    [InlineData("So yeah, an inspection could be good.")]
    [InlineData("Who is this?")]
    [InlineData("The inspection's fine, go ahead.")]
    public void A_line_that_only_names_the_offer_gets_no_answer_about_someone_else(string line) =>
        Assert.Null(UtteranceAnalyzer.Analyze(line, Knowledge).Faq);

    [Theory]
    [InlineData("Oh, no charges? Then okay, fine, we will do it.", Interest.Interested)]
    [InlineData("I think so.", null)]
    [InlineData("Hmm, yeah, could be useful.", Interest.Interested)]
    [InlineData("My uncle, he was telling me, I don't know what they did, but get it checked, so yes, I am interested.", Interest.Interested)]
    [InlineData("I will have to ask my father, it is his house only.", Interest.Neutral)]
    [InlineData("I will have to discuss with my wife first, she is handling the house matters.", Interest.Neutral)]
    [InlineData("I suppose it couldn't hurt... but I'm not promising anything.", Interest.Neutral)]
    [InlineData("ugh my partners the one who deals with bills and stuff id need to run it by her", Interest.Neutral)]
    [InlineData("Hmm. Well, I'm not saying yes over the phone. Send me something in writing and I'll decide.", Interest.Neutral)]
    [InlineData("see thats what worries me i cant afford a big repair bill right now so no ill pass", Interest.NotInterested)]
    public void Interest_is_read_from_the_whole_answer(string line, Interest? interest) =>
        Assert.Equal(interest, UtteranceAnalyzer.Analyze(line, Knowledge).Interest);

    [Theory]
    [InlineData("No, I'll get back to you if I want it.", false)]
    [InlineData("Okay, yeah, I'll have it.", true)]
    public void Wanting_it_only_on_a_condition_is_no_interest(string line, bool interested) =>
        Assert.Equal(interested, UtteranceAnalyzer.Analyze(line, Knowledge).Interest == Interest.Interested);

    [Fact]
    public void A_scots_no_to_sending_anything_declines_the_information()
    {
        var u = UtteranceAnalyzer.Analyze("Naw, dinnae bother sending stuff, just get someone out.", Knowledge);

        Assert.Equal(Polarity.No, u.Polarity);
        Assert.False(u.WantsMoreInfo);
    }

    [Theory]
    [InlineData("Right. Er, no, I don't think so, we had it all rewired in 2019.", Polarity.No)]
    [InlineData("Right, no catch then. Yes, okay.", Polarity.Yes)]
    [InlineData("Honestly I don't have time for that. No.", Polarity.No)]
    public void An_acknowledgement_before_the_answer_is_not_the_answer(string line, Polarity polarity)
    {
        var u = UtteranceAnalyzer.Analyze(line, Knowledge);

        Assert.Equal(polarity, u.Polarity);
        Assert.False(u.Busy);
    }

    [Fact]
    public void I_think_so_is_a_yes() => Assert.Equal(Polarity.Yes, UtteranceAnalyzer.Analyze("I think so.", Knowledge).Polarity);

    [Fact]
    public void A_yes_is_not_the_scripts_not_interested_objection() =>
        Assert.Null(UtteranceAnalyzer.Analyze("I don't know what they did there, but so yes, I am interested.", Knowledge).Objection);

    [Theory]
    [InlineData("Apart from the lights going off every night, no.", false)]
    [InlineData("Other than the bills, nothing really.", false)]
    [InlineData("No, nothing really.", true)]
    [InlineData("Not that I can think of.", true)]
    public void A_no_that_leaves_something_out_still_has_a_concern(string line, bool none) =>
        Assert.Equal(none, UtteranceAnalyzer.Analyze(line, Knowledge).NoConcerns);

    [Fact]
    public void A_worry_about_the_middle_of_the_night_is_no_busy_moment()
    {
        var u = UtteranceAnalyzer.Analyze("We lose everything in the fridge when it goes, and my son's CPAP machine stops in the middle of the night.", Knowledge);

        Assert.False(u.Busy);
        Assert.False(u.CallbackRequested);
    }

    [Theory]
    [InlineData("Right now I am in office, please call day after tomorrow by evening six.")]
    [InlineData("Please ring tomorrow after lunch.")]
    public void A_polite_request_to_call_at_a_time_asks_for_a_callback(string line) =>
        Assert.True(UtteranceAnalyzer.Analyze(line, Knowledge).CallbackRequested);
}
