namespace Campaign.Telephony;

/// <summary>
/// How long the line stays open after a goodbye that listens for last words ("…and take me off your list"), whatever
/// the provider: <see cref="Seconds"/> once the goodbye has been spoken.
/// </summary>
public static class LastWords
{
    /// <summary>How long, after the goodbye has been spoken, last words may take to begin.</summary>
    public const int Seconds = 3;

    // About two and a half words a second, as a voice reads them.
    private const double SecondsPerWord = 0.4;

    /// <summary>
    /// The wait from the moment a goodbye is handed over to the moment the line is hung up, for a provider that speaks
    /// the text as it receives it and reports nothing when it is done (ConversationRelay).
    /// </summary>
    public static TimeSpan AfterHandingOver(string goodbye) =>
        TimeSpan.FromSeconds(Seconds + (SecondsPerWord * goodbye.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
}
