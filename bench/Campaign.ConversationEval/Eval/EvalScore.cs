using Campaign.Abstractions.Customers;

namespace Campaign.ConversationEval.Eval;

/// <summary>
/// The figures of a run over a corpus part, as counts (so floors are exact) with their rates: interest accuracy and
/// confusion, follow-up kind accuracy, callback time (local weekday and hour) over the dialogues that gave one, opt-out
/// recall and precision, concern precision and recall (<see cref="ConcernMatcher"/>), exact calls (every field right)
/// and the agent's per-turn latency.
/// </summary>
public sealed class EvalScore
{
    private EvalScore(IReadOnlyList<DialogueResult> results)
    {
        Results = results;
        Dialogues = results.Count;
        foreach (var r in results)
        {
            var (expected, predicted) = (r.Dialogue.Expected, r.Predicted);
            Confusion[(expected.Interest, predicted.Interest)] = Confusion.GetValueOrDefault((expected.Interest, predicted.Interest)) + 1;
            InterestRight += expected.Interest == predicted.Interest ? 1 : 0;
            FollowUpRight += expected.FollowUp == predicted.FollowUp ? 1 : 0;
            CallbackLabelled += expected.Callback is null ? 0 : 1;
            CallbackRight += expected.Callback is not null && expected.Callback == predicted.Callback ? 1 : 0;
            OptOutLabelled += expected.OptOut ? 1 : 0;
            OptOutRecorded += predicted.OptOut ? 1 : 0;
            OptOutCaught += expected.OptOut && predicted.OptOut ? 1 : 0;
            NotOptingOut += expected.OptOut ? 0 : 1;
            NeedlesslyAsked += !expected.OptOut && AskedAboutOptOut(r) ? 1 : 0;
            var matched = ConcernMatcher.Matched(predicted.Concerns, expected.Concerns);
            ConcernsLabelled += expected.Concerns.Count;
            ConcernsRecorded += predicted.Concerns.Count;
            ConcernsMatched += matched;
            Exact += IsExact(r) ? 1 : 0;
        }

        var turns = results.SelectMany(r => r.TurnTimes).Order().ToList();
        Turns = turns.Count;
        TurnP50 = Percentile(turns, 0.50);
        TurnP99 = Percentile(turns, 0.99);
    }

    public IReadOnlyList<DialogueResult> Results { get; }

    public int Dialogues { get; }

    public int InterestRight { get; }

    /// <summary>(labelled, recorded) interest → dialogues.</summary>
    public Dictionary<(Interest Expected, Interest Predicted), int> Confusion { get; } = [];

    public int FollowUpRight { get; }

    public int CallbackLabelled { get; }

    public int CallbackRight { get; }

    public int OptOutLabelled { get; }

    public int OptOutRecorded { get; }

    public int OptOutCaught { get; }

    /// <summary>Dialogues labelled as no opt-out.</summary>
    public int NotOptingOut { get; }

    /// <summary>Dialogues labelled as no opt-out in which the agent still asked whether to stop calling.</summary>
    public int NeedlesslyAsked { get; }

    /// <summary>Whether the agent asked "Would you like us to stop calling you?" on the call.</summary>
    public static bool AskedAboutOptOut(DialogueResult result) =>
        result.Transcript.Any(line => line.StartsWith("Agent:", StringComparison.Ordinal) && line.Contains(Campaign.Conversation.Agent.AgentLines.AskOptOut, StringComparison.Ordinal));

    public int ConcernsLabelled { get; }

    public int ConcernsRecorded { get; }

    public int ConcernsMatched { get; }

    public int Exact { get; }

    public int Turns { get; }

    public TimeSpan TurnP50 { get; }

    public TimeSpan TurnP99 { get; }

    public double InterestAccuracy => Rate(InterestRight, Dialogues);

    public double FollowUpAccuracy => Rate(FollowUpRight, Dialogues);

    public double CallbackTimeAccuracy => Rate(CallbackRight, CallbackLabelled);

    public double OptOutRecall => Rate(OptOutCaught, OptOutLabelled);

    public double OptOutPrecision => Rate(OptOutCaught, OptOutRecorded);

    public double ConcernPrecision => Rate(ConcernsMatched, ConcernsRecorded);

    public double ConcernRecall => Rate(ConcernsMatched, ConcernsLabelled);

    public double ExactAccuracy => Rate(Exact, Dialogues);

    public static EvalScore Of(IReadOnlyList<DialogueResult> results) => new(results);

    /// <summary>Every labelled field right: interest, follow-up kind, callback slot, opt-out, and concerns one to one.</summary>
    public static bool IsExact(DialogueResult result)
    {
        var (expected, predicted) = (result.Dialogue.Expected, result.Predicted);
        return expected.Interest == predicted.Interest && expected.FollowUp == predicted.FollowUp && expected.Callback == predicted.Callback &&
            expected.OptOut == predicted.OptOut && expected.Concerns.Count == predicted.Concerns.Count &&
            ConcernMatcher.Matched(predicted.Concerns, expected.Concerns) == expected.Concerns.Count;
    }

    /// <summary>The labelled fields a result got wrong, by name.</summary>
    public static IReadOnlyList<string> WrongFields(DialogueResult result)
    {
        var (expected, predicted) = (result.Dialogue.Expected, result.Predicted);
        var wrong = new List<string>();
        if (expected.Interest != predicted.Interest)
        {
            wrong.Add($"interest {expected.Interest} → {predicted.Interest}");
        }

        if (expected.FollowUp != predicted.FollowUp)
        {
            wrong.Add($"follow-up {expected.FollowUp} → {predicted.FollowUp}");
        }

        if (expected.Callback != predicted.Callback)
        {
            wrong.Add($"callback {Slot(expected.Callback)} → {Slot(predicted.Callback)}");
        }

        if (expected.OptOut != predicted.OptOut)
        {
            wrong.Add($"opt-out {expected.OptOut} → {predicted.OptOut}");
        }

        var matched = ConcernMatcher.Matched(predicted.Concerns, expected.Concerns);
        if (matched != expected.Concerns.Count || predicted.Concerns.Count != expected.Concerns.Count)
        {
            wrong.Add($"concerns [{string.Join("; ", expected.Concerns)}] → [{string.Join("; ", predicted.Concerns)}]");
        }

        return wrong;
    }

    private static string Slot(CallbackSlot? slot) => slot?.ToString() ?? "none";

    private static double Rate(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    private static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
