using System.Globalization;
using System.Text;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Functions;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Agent;

/// <summary>The system prompt: the script made into instructions, plus what changes each turn.</summary>
public static class SystemPrompt
{
    /// <summary>The part that stays the same for the whole call.</summary>
    public static string Instructions(ScriptDefinition script, CustomerProfile customer, TimeZoneInfo zone)
    {
        var b = new StringBuilder(2048);
        b.Append("You are ").Append(script.Persona.AgentName).Append(", an automated assistant making a phone call to ")
            .Append(customer.Name).Append(" on behalf of ").Append(script.Persona.Company).Append(". Speak ")
            .Append(script.Language).AppendLine(".");
        b.Append("Goal: ").AppendLine(script.Goal);
        b.AppendLine();
        b.AppendLine("How to speak:");
        b.AppendLine("- This is a phone call: reply in one to three short sentences of plain speech, no lists or markup, one question at a time.");
        b.AppendLine("- Your first message already gave the disclosure and the opening; do not repeat them.");
        b.AppendLine("- Use only the facts below. If asked something they do not cover, say you will note the question for the team.");
        b.AppendLine("- Never invent prices, dates or promises. Stay polite; do not argue.");
        b.AppendLine();
        b.AppendLine("Functions (call them as soon as you learn something; they do not speak for you):");
        b.Append("- ").Append(CallFunctions.RecordInterestName).AppendLine("(level): interested, neutral or notInterested, whenever the customer shows it.");
        b.Append("- ").Append(CallFunctions.RecordConcernName).AppendLine("(text): each concern in a few words, e.g. \"power cuts at night\".");
        b.Append("- ").Append(CallFunctions.RecordFollowUpName).AppendLine("(kind, when): moreInfo when they want information; callback with when in the customer's words (\"tomorrow at 5 pm\") when they ask to be called back; leaveAlone when they want no follow-up.");
        b.Append("- ").Append(CallFunctions.OptOutName).AppendLine("(): when they ask not to be called again; then say goodbye and end the call.");
        b.Append("- ").Append(CallFunctions.TransferToHumanName).AppendLine("(): when the customer really asks to speak to a person (\"can I talk to a real person?\"), not when they only ask whether you are one; then say what its result tells you.");
        b.Append("- ").Append(CallFunctions.EndCallName).AppendLine("(): after your closing line, when the conversation is over.");
        b.AppendLine();
        b.AppendLine("Plan of the call: find out whether they are interested, ask about their concerns, ask the capture questions in order, offer to send more information, then say the closing line and end the call.");
        List(b, "Talking points", script.TalkingPoints.Select(p => $"- {p}"));
        List(b, "Questions the customer may ask, with the answers to give", script.Faq.Select(f => $"- Q: {f.Question} A: {f.Answer}"));
        List(b, "Objections and how to respond", script.Objections.Select(o => $"- \"{o.Objection}\" → {o.Response}"));
        List(b, "Questions whose answers must be captured, in order", script.CaptureQuestions.Select((q, i) => $"{i + 1}. {q}"));
        b.AppendLine();
        b.Append("Closing line (say it to end the call): ").AppendLine(script.Closing);
        b.Append("Limits: at most ").Append(script.MaxTurns.ToString(CultureInfo.InvariantCulture)).Append(" of your turns and ")
            .Append(script.MaxSeconds.ToString(CultureInfo.InvariantCulture)).AppendLine(" seconds.");
        b.AppendLine();
        b.Append("The customer: ").Append(customer.Name);
        if (!string.IsNullOrWhiteSpace(customer.Area))
        {
            b.Append(", area ").Append(customer.Area);
        }

        b.Append(", time zone ").Append(zone.Id).AppendLine(".");
        foreach (var issue in customer.Issues.TakeLast(3))
        {
            b.Append("Reported issue: ").Append(issue.Category);
            if (!string.IsNullOrWhiteSpace(issue.Text))
            {
                b.Append(" — \"").Append(issue.Text).Append('"');
            }

            if (issue.ReportedAt is { } at)
            {
                b.Append(" on ").Append(CustomerClock.Local(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            b.AppendLine(".");
        }

        return b.ToString();
    }

    /// <summary>The whole system prompt for one turn: the call's instructions, then what changes each turn.</summary>
    public static string For(ConversationTurn turn)
    {
        var session = turn.Session;
        var local = CustomerClock.Local(turn.Now, turn.Script.Zone);
        var concerns = session.Concerns.Count == 0 ? "none" : string.Join("; ", session.Concerns);
        var last = turn.LastTurn ? "This is your last turn: answer briefly, say the closing line and call end_call.\n" : "";
        return string.Concat(
            turn.Script.Instructions,
            string.Create(CultureInfo.InvariantCulture,
                $"\nCustomer's local time now: {local:dddd yyyy-MM-dd HH:mm}.\nRecorded so far: interest {CallFunctions.LevelName(session.Interest)}; concerns: {concerns}; follow-up: {FollowUpName(session)}.\n{last}"));
    }

    private static string FollowUpName(ConversationSession session) => session.FollowUp.Kind switch
    {
        FollowUpKind.MoreInfo => "more information",
        FollowUpKind.Callback => "callback",
        FollowUpKind.LeaveAlone => "leave alone",
        _ => "none",
    };

    private static void List(StringBuilder b, string title, IEnumerable<string> lines)
    {
        var first = true;
        foreach (var line in lines)
        {
            if (first)
            {
                b.AppendLine().Append(title).AppendLine(":");
                first = false;
            }

            b.AppendLine(line);
        }
    }
}
