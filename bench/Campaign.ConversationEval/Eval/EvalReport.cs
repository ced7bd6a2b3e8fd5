using System.Globalization;
using System.Text;
using Campaign.Abstractions.Customers;

namespace Campaign.ConversationEval.Eval;

/// <summary>The figures of a run as text: one line per field, the interest confusion, and the latency of a turn.</summary>
public static class EvalReport
{
    private static readonly Interest[] Levels = [Interest.Interested, Interest.Neutral, Interest.NotInterested, Interest.Unknown];

    public static string Write(string title, EvalScore s)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: {s.Dialogues} dialogues, {s.Turns} caller turns");
        Line(text, "exact calls (every field right)", s.Exact, s.Dialogues);
        Line(text, "interest accuracy", s.InterestRight, s.Dialogues);
        Line(text, "follow-up kind accuracy", s.FollowUpRight, s.Dialogues);
        Line(text, "callback time right (local day+hour)", s.CallbackRight, s.CallbackLabelled);
        Line(text, "opt-out recall", s.OptOutCaught, s.OptOutLabelled);
        Line(text, "opt-out precision", s.OptOutCaught, s.OptOutRecorded);
        Line(text, "no opt-out, asked anyway", s.NeedlesslyAsked, s.NotOptingOut);
        Line(text, "concern precision (voiced)", s.ConcernsMatched, s.ConcernsRecorded);
        Line(text, "concern recall", s.ConcernsMatched, s.ConcernsLabelled);
        text.AppendLine(CultureInfo.InvariantCulture, $"  per-turn latency: p50 {s.TurnP50.TotalMilliseconds:F1} ms, p99 {s.TurnP99.TotalMilliseconds:F1} ms");
        text.AppendLine("  interest confusion (rows: labelled, columns: recorded)");
        text.AppendLine("  " + "".PadRight(15) + string.Concat(Levels.Select(l => l.ToString().PadLeft(15))));
        foreach (var expected in Levels)
        {
            text.AppendLine("  " + expected.ToString().PadRight(15) +
                string.Concat(Levels.Select(p => s.Confusion.GetValueOrDefault((expected, p)).ToString(CultureInfo.InvariantCulture).PadLeft(15))));
        }

        return text.ToString();
    }

    /// <summary>Every dialogue with a wrong field: its lines, what was wrong, and the call's transcript.</summary>
    public static string Failures(EvalScore s)
    {
        var text = new StringBuilder();
        foreach (var result in s.Results.Where(r => !EvalScore.IsExact(r)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{result.Dialogue.Id} ({result.Dialogue.Style}): {string.Join(", ", EvalScore.WrongFields(result))}");
            foreach (var line in result.Transcript)
            {
                text.AppendLine("    " + line);
            }
        }

        return text.ToString();
    }

    /// <summary>Every dialogue labelled as no opt-out in which the agent asked whether to stop calling, with its transcript.</summary>
    public static string NeedlessQuestions(EvalScore s)
    {
        var text = new StringBuilder();
        foreach (var result in s.Results.Where(r => !r.Dialogue.Expected.OptOut && EvalScore.AskedAboutOptOut(r)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{result.Dialogue.Id} ({result.Dialogue.Style}): asked needlessly{(EvalScore.IsExact(result) ? "" : ", " + string.Join(", ", EvalScore.WrongFields(result)))}");
            foreach (var line in result.Transcript)
            {
                text.AppendLine("    " + line);
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, int part, int whole) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-38} {part,4} / {whole,-4} {(whole == 0 ? 1 : (double)part / whole),8:P1}");
}
