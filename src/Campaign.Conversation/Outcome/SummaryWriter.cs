using System.Globalization;
using System.Text;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Outcome;

/// <summary>
/// The one-paragraph summary of a call: the model's when it wrote one, else one written from the outcome fields; then
/// how the call ended and the notes about model faults (<see cref="AgentMemory.Notes"/>).
/// </summary>
public static class SummaryWriter
{
    public static string Write(ConversationSession session, PreparedScript script, Interest interest, IReadOnlyList<string> concerns, FollowUp followUp, string? modelSummary)
    {
        var b = new StringBuilder(512);
        if (session.Memory.Failure is { } failure)
        {
            b.Append("Ended early because the conversation model failed (").Append(failure).Append("). ");
        }

        if (!string.IsNullOrWhiteSpace(modelSummary))
        {
            b.Append(string.Join(' ', modelSummary.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            AppendEnd(b, session);
            return b.ToString().Trim();
        }

        var name = session.Customer.Name;
        if ((session.AnsweredAt ?? session.Transcript.FirstOrDefault()?.At) is { } answered)
        {
            var local = CustomerClock.Local(answered, script.Zone);
            b.Append(name).Append(" answered on ").Append(local.ToString("dddd 'at' HH:mm", CultureInfo.InvariantCulture)).Append(" local time. ");
        }
        else
        {
            b.Append(name).Append(" answered. ");
        }

        b.Append("Interest: ").Append(interest switch
        {
            Interest.Interested => "interested",
            Interest.Neutral => "neutral",
            Interest.NotInterested => "not interested",
            _ => "unknown",
        }).Append(". ");
        b.Append("Concerns: ").Append(concerns.Count == 0 ? "none mentioned" : string.Join("; ", concerns)).Append(". ");
        b.Append("Follow-up: ").Append(Describe(followUp, session, script.Zone)).Append(". ");
        var answers = session.Memory.Captures.OrderBy(a => a.Key)
            .Where(a => a.Key >= 0 && a.Key < script.Script.CaptureQuestions.Count)
            .Select(a => $"\"{script.Script.CaptureQuestions[a.Key]}\" {a.Value}")
            .ToList();
        if (answers.Count > 0)
        {
            b.Append("Answers: ").Append(string.Join(" ", answers)).Append(' ');
        }

        var questions = session.Memory.Questions.Select(q => $"\"{q}\"").ToList();
        if (questions.Count > 0)
        {
            b.Append("Questions to follow up: ").Append(string.Join(", ", questions)).Append(". ");
        }

        AppendEnd(b, session);
        return b.ToString().Trim();
    }

    private static string Describe(FollowUp followUp, ConversationSession session, TimeZoneInfo zone)
    {
        var phrase = session.Memory.CallbackPhrase;
        return followUp.Kind switch
        {
            FollowUpKind.MoreInfo => "send more information",
            FollowUpKind.Callback when followUp.At is { } at =>
                $"call back on {CustomerClock.Local(at, zone).ToString("dddd yyyy-MM-dd 'at' HH:mm", CultureInfo.InvariantCulture)} local time" +
                (phrase is null ? "" : $" (\"{phrase}\")"),
            FollowUpKind.Callback => phrase is null ? "call back, no time given" : $"call back \"{phrase}\" (time not understood)",
            FollowUpKind.LeaveAlone => "leave alone",
            _ => "none",
        };
    }

    private static void AppendEnd(StringBuilder b, ConversationSession session)
    {
        AppendEndReason(b, session);
        foreach (var note in session.Memory.Notes)
        {
            b.Append(' ').Append(note);
        }
    }

    private static void AppendEndReason(StringBuilder b, ConversationSession session)
    {
        var note = session.Memory.EndReason switch
        {
            EndReasons.OptOut => " The customer asked not to be called again.",
            EndReasons.Silence => " The call ended after the customer stayed silent twice.",
            EndReasons.MaxTurns => " The call reached the script's turn limit.",
            EndReasons.MaxSeconds => " The call reached the script's time limit.",
            _ => session.OptedOut ? " The customer asked not to be called again." : "",
        };
        b.Append(note);
    }
}
