namespace Campaign.Telephony.Simulator;

/// <summary>
/// What a virtual customer says in the few seconds the line stays open after the agent's goodbye. Hidden from the
/// engine: a late request not to be called again must be heard and honoured however it comes.
/// </summary>
public enum LastWordsHabit
{
    /// <summary>Says nothing; the line is hung up when the moment has passed.</summary>
    Nothing,

    /// <summary>A courtesy on the way out ("Thanks, bye.").</summary>
    Courtesy,

    /// <summary>Asks not to be called again, in words that are a request by themselves.</summary>
    AskNotToCall,

    /// <summary>Grumbles about the calls in words that only might be a request; says yes when the agent asks.</summary>
    GrumbleAboutCalls,
}

/// <summary>How last-words habits are drawn, and what each one says.</summary>
public static class LastWordsHabits
{
    /// <summary>The share of people not interested in the call who ask not to be called again after the goodbye.</summary>
    public const double LateOptOutShare = 0.1;

    /// <summary>The share of everyone else who say a courtesy after the goodbye; the rest say nothing.</summary>
    public const double CourtesyShare = 0.4;

    public const string CourtesyLine = "Thanks, bye.";

    public const string NotAgainLine = "Actually, please don't call me again.";

    public const string GrumbleLine = "Why do you people keep ringing me?";

    public const string StopCallingYes = "Yes, please.";

    public const string StopCallingNo = "No, that's fine.";

    /// <summary>
    /// A habit drawn from a person's own <paramref name="random"/>, always twice, so the habit of one person never moves
    /// another trait. Only someone not interested (and not waiting for a callback) asks late not to be called; someone who
    /// already opted out during the call has nothing more to say.
    /// </summary>
    public static LastWordsHabit Draw(Random random, bool notInterested, bool optsOut)
    {
        var asks = random.NextDouble();
        var words = random.NextDouble();
        if (optsOut)
        {
            return LastWordsHabit.Nothing;
        }

        if (notInterested && asks < LateOptOutShare)
        {
            return words < 0.5 ? LastWordsHabit.AskNotToCall : LastWordsHabit.GrumbleAboutCalls;
        }

        return words < CourtesyShare ? LastWordsHabit.Courtesy : LastWordsHabit.Nothing;
    }

    /// <summary>What a person with this habit says after the goodbye; null is silence.</summary>
    public static string? Line(this LastWordsHabit habit) => habit switch
    {
        LastWordsHabit.Courtesy => CourtesyLine,
        LastWordsHabit.AskNotToCall => NotAgainLine,
        LastWordsHabit.GrumbleAboutCalls => GrumbleLine,
        _ => null,
    };

    /// <summary>The answer when the agent, having heard the last words, asks whether to stop calling.</summary>
    public static string AnswerToStopCalling(this LastWordsHabit habit) =>
        habit is LastWordsHabit.AskNotToCall or LastWordsHabit.GrumbleAboutCalls ? StopCallingYes : StopCallingNo;
}
