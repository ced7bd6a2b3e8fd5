using System.Text.RegularExpressions;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;

namespace Campaign.Grains.Conversation;

/// <summary>
/// A minimal scripted conversation: greeting with AI disclosure, one interest question, one concern question,
/// an offer of more information, goodbye. Keyword rules capture interest, concerns, follow-up and opt-out.
/// </summary>
public sealed partial class GreetingConversationAgent(TimeProvider clock) : IConversationAgent
{
    private const int MaxSilences = 2;
    private const int MaxTurns = 8;

    public Task<AgentReply> OpenAsync(ConversationSession session, CancellationToken cancellationToken = default)
    {
        var customer = session.Customer;
        var firstName = customer.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? customer.Name;
        var issue = customer.Issues.LastOrDefault();
        var topic = issue is null ? "your service" : $"the {issue.Category} issue you reported";
        var text = $"Hello {firstName}, I'm an automated assistant calling on behalf of your service provider about {topic}. Do you have a minute to talk?";
        return Say(session, text, end: false);
    }

    public Task<AgentReply> RespondAsync(ConversationSession session, string? customerText, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(customerText))
        {
            session.Silences++;
            return session.Silences >= MaxSilences
                ? Say(session, "It seems this isn't a good moment. We'll try another time. Goodbye.", end: true)
                : Say(session, "Sorry, I didn't catch that. Are you still there?", end: false);
        }

        session.Transcript.Add(new TranscriptLine(Speaker.Customer, customerText, clock.GetUtcNow()));
        var text = customerText.ToLowerInvariant();
        if (OptOut().IsMatch(text))
        {
            session.OptedOut = true;
            session.Interest = Interest.NotInterested;
            session.FollowUp = new FollowUp(FollowUpKind.LeaveAlone, null);
            return Say(session, "Understood. We will not call you again. Goodbye.", end: true);
        }

        if (Callback().IsMatch(text))
        {
            session.FollowUp = new FollowUp(FollowUpKind.Callback, null);
            return Say(session, "Of course, we'll call you back then. Thank you, goodbye.", end: true);
        }

        if (session.Transcript.Count(l => l.Speaker == Speaker.Agent) >= MaxTurns)
        {
            return Say(session, "Thank you for your time. Goodbye.", end: true);
        }

        switch (session.Step)
        {
            case 0 when Negative().IsMatch(text):
                session.Interest = Interest.NotInterested;
                return Say(session, "I understand. Thank you for your time. Goodbye.", end: true);
            case 0:
                session.Interest = Positive().IsMatch(text) ? Interest.Interested : Interest.Neutral;
                session.Step = 1;
                return Say(session, "Thank you. Is there anything about the service that worries you?", end: false);
            case 1:
                CaptureConcern(session, text);
                session.Step = 2;
                return Say(session, "Thank you for telling me. Would you like us to send you more information?", end: false);
            default:
                if (Positive().IsMatch(text) && !Negative().IsMatch(text))
                {
                    session.FollowUp = new FollowUp(FollowUpKind.MoreInfo, null);
                    return Say(session, "Great, we'll send it to you shortly. Thank you, goodbye.", end: true);
                }

                return Say(session, "No problem. Thank you for your time. Goodbye.", end: true);
        }
    }

    public Task<CallOutcome> ConcludeAsync(ConversationSession session, CancellationToken cancellationToken = default)
    {
        var (hour, weekday) = LocalTime(session);
        var summary = $"Interest: {session.Interest}. Concerns: {(session.Concerns.Count == 0 ? "none mentioned" : string.Join(", ", session.Concerns))}. " +
                      $"Follow-up: {session.FollowUp.Kind}.{(session.OptedOut ? " Asked not to be called again." : "")}";
        return Task.FromResult(new CallOutcome(session.Interest, session.Concerns.ToList(), session.FollowUp, summary, session.OptedOut, hour, weekday));
    }

    private static void CaptureConcern(ConversationSession session, string text)
    {
        if (Negative().IsMatch(text) && !Worry().IsMatch(text))
        {
            return;
        }

        var known = session.Customer.Issues.Select(i => i.Category).FirstOrDefault(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));
        var concern = known ?? ConcernTopic().Match(text) switch
        {
            { Success: true } match => match.Groups[1].Value.Trim().TrimEnd('.', '!', '?'),
            _ => session.Customer.Issues.LastOrDefault()?.Category,
        };
        if (!string.IsNullOrWhiteSpace(concern))
        {
            session.Concerns.Add(concern);
        }
    }

    private (int? Hour, DayOfWeek? Weekday) LocalTime(ConversationSession session)
    {
        if (session.AnsweredAt is not { } answered)
        {
            return (null, null);
        }

        var zone = session.Customer.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(answered, zone);
        return (local.Hour, local.DayOfWeek);
    }

    private Task<AgentReply> Say(ConversationSession session, string text, bool end)
    {
        session.Transcript.Add(new TranscriptLine(Speaker.Agent, text, clock.GetUtcNow()));
        return Task.FromResult(new AgentReply(text, end));
    }

    [GeneratedRegex(@"\b(stop calling|leave me alone|do not call|don't call|take me off|remove me)\b")]
    private static partial Regex OptOut();

    [GeneratedRegex(@"\b(call me back|call back|another time|busy right now)\b")]
    private static partial Regex Callback();

    [GeneratedRegex(@"\b(no|not interested|no thanks|nope)\b")]
    private static partial Regex Negative();

    [GeneratedRegex(@"\b(yes|yeah|sure|interested|tell me more|sounds good|ok|okay|please)\b")]
    private static partial Regex Positive();

    [GeneratedRegex(@"\b(worr\w*|concern\w*|problem\w*)\b")]
    private static partial Regex Worry();

    [GeneratedRegex(@"(?:worried about|concern(?:ed)? (?:is|about)|problem (?:is|with)|worry is)\s+(.+)$")]
    private static partial Regex ConcernTopic();
}
