using Campaign.Abstractions.Calls;
using Campaign.Telephony.Simulator;

namespace Campaign.UnitTests;

/// <summary>A virtual customer's side of a simulated call after a goodbye that listens for last words.</summary>
public class LastWordsExchangeTests
{
    [Fact]
    public void Last_words_come_once_over_the_first_goodbye_and_a_question_about_them_is_answered()
    {
        var goodbye = CallInstruction.SayListenAndHangUp("Thank you. Goodbye.");
        var question = CallInstruction.SayAndListen("Would you like us to stop calling you?");

        var grumbler = new LastWordsExchange(LastWordsHabit.GrumbleAboutCalls);
        Assert.Equal(LastWordsHabits.GrumbleLine, grumbler.Answer(goodbye));
        Assert.Equal(LastWordsHabits.StopCallingYes, grumbler.Answer(question));
        Assert.Null(grumbler.Answer(goodbye));

        var quiet = new LastWordsExchange(LastWordsHabit.Nothing);
        Assert.Null(quiet.Answer(goodbye));
        Assert.False(quiet.Started);
    }

    [Fact]
    public void An_agent_that_keeps_asking_gets_a_few_answers_at_most()
    {
        var exchange = new LastWordsExchange(LastWordsHabit.Courtesy);
        var question = CallInstruction.SayAndListen("Would you like us to stop calling you?");

        Assert.Equal(LastWordsHabits.CourtesyLine, exchange.Answer(CallInstruction.SayListenAndHangUp("Goodbye.")));
        var answers = Enumerable.Range(0, 10).Select(_ => exchange.Answer(question)).TakeWhile(a => a is not null).ToList();

        Assert.Equal(LastWordsExchange.MaxTurns - 1, answers.Count);
        Assert.All(answers, a => Assert.Equal(LastWordsHabits.StopCallingNo, a));
    }
}
