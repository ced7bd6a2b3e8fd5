using Campaign.Abstractions.Calls;

namespace Campaign.Telephony.Simulator;

/// <summary>
/// A virtual customer's side of a call once the agent has said a goodbye that listens for last words: what they say
/// over it (by their <see cref="LastWordsHabit"/>), then their answer if the agent asks about it. A few turns at most,
/// whatever the agent answers.
/// </summary>
public sealed class LastWordsExchange(LastWordsHabit habit)
{
    public const int MaxTurns = 3;

    private int _turns;

    /// <summary>The person has spoken since the goodbye: a line that listens now asks them about their last words.</summary>
    public bool Started => _turns > 0;

    /// <summary>What the person says to the agent's <paramref name="instruction"/>; null when they say nothing more.</summary>
    public string? Answer(CallInstruction instruction)
    {
        if (_turns >= MaxTurns)
        {
            return null;
        }

        // Last words come once, over the first goodbye; a question after them ("Would you like us to stop calling
        // you?") gets an answer.
        var words = instruction.HangUp ? _turns == 0 ? habit.Line() : null : habit.AnswerToStopCalling();
        if (words is not null)
        {
            _turns++;
        }

        return words;
    }
}
