using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Outcome;

/// <summary>
/// Merges what the kernel functions recorded during the call with the extraction pass: recorded values win, the
/// extraction fills what they missed, and anything still unknown says so. An opt-out is taken only from the session
/// (the guard or the opt_out function), since that is what put the customer on the do-not-call list. A call the model
/// could not finish gets the follow-up that keeps the customer in play (<see cref="ModelFailure.Settle"/>).
/// </summary>
public static class OutcomeComposer
{
    public static CallOutcome Compose(ConversationSession session, PreparedScript script, CallSummaryRecord extracted)
    {
        var interest = session.OptedOut ? Interest.NotInterested
            : session.Interest != Interest.Unknown ? session.Interest
            : SessionUpdates.ParseInterest(extracted.Interest) ?? Interest.Unknown;

        var concerns = session.Concerns.ToList();
        foreach (var said in extracted.Concerns)
        {
            if (ConcernTopic.Of(said, script.Knowledge.Issues) is { } concern && !concerns.Any(c => Overlaps(c, concern)))
            {
                concerns.Add(concern);
            }
        }

        var followUp = ModelFailure.Settle(session, script, session.OptedOut ? new FollowUp(FollowUpKind.LeaveAlone, null) : FollowUpFrom(session, script, extracted));
        var (hour, weekday) = AnsweredLocally(session, script.Zone);
        var summary = SummaryWriter.Write(session, script, interest, concerns, followUp, extracted.Summary);
        return new CallOutcome(interest, concerns, followUp, summary, session.OptedOut, hour, weekday, ConcernQuotes.From(session.Transcript, concerns));
    }

    private static FollowUp FollowUpFrom(ConversationSession session, PreparedScript script, CallSummaryRecord extracted)
    {
        var recorded = session.FollowUp;
        var kind = recorded.Kind != FollowUpKind.None ? recorded.Kind : SessionUpdates.ParseFollowUp(extracted.FollowUp) ?? FollowUpKind.None;
        if (kind != FollowUpKind.Callback || recorded.At is not null)
        {
            return recorded.Kind == kind ? recorded : new FollowUp(kind, null);
        }

        var phrase = session.Memory.CallbackPhrase ?? extracted.CallbackTime;
        return new FollowUp(FollowUpKind.Callback, ResolveWhenSaid(session, script.Zone, phrase));
    }

    // "Tomorrow" means the day after the customer said it, not the day after the call was summarised.
    private static DateTimeOffset? ResolveWhenSaid(ConversationSession session, TimeZoneInfo zone, string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return null;
        }

        var customerLines = session.Transcript.Where(l => l.Speaker == Speaker.Customer).ToList();
        var said = customerLines.LastOrDefault(l => l.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase)) ?? customerLines.LastOrDefault();
        var at = said?.At ?? session.AnsweredAt ?? DateTimeOffset.UtcNow;
        return CallbackTimeParser.Resolve(phrase, at, zone)?.At;
    }

    private static (int? Hour, DayOfWeek? Weekday) AnsweredLocally(ConversationSession session, TimeZoneInfo zone)
    {
        if ((session.AnsweredAt ?? session.Transcript.FirstOrDefault()?.At) is not { } answered)
        {
            return (null, null);
        }

        var local = CustomerClock.Local(answered, zone);
        return (local.Hour, local.DayOfWeek);
    }

    private static bool Overlaps(string a, string b) =>
        a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase) ||
        PhraseMatcher.Score(TextTokens.Content(a), TextTokens.Content(b), 0.8) > 0;
}
