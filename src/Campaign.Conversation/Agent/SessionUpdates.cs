using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Agent;

/// <summary>
/// The only writers of a session's outcome fields, shared by the kernel functions and the guard. An opt-out is final:
/// once the customer asked not to be called, nothing recorded later can make them interested or due a callback.
/// </summary>
public static class SessionUpdates
{
    public static bool SetInterest(ConversationSession session, Interest interest)
    {
        if (session.OptedOut || interest == Interest.Unknown)
        {
            return false;
        }

        session.Interest = interest;
        return true;
    }

    /// <summary>
    /// Records a concern as its topic (<see cref="ConcernTopic"/>); false when it names none (a courtesy, a time, a yes or
    /// no) or that topic is already recorded.
    /// </summary>
    public static bool AddConcern(ConversationSession session, string concern, IReadOnlyList<MatchTarget<string>>? issues = null)
    {
        if (ConcernTopic.Of(concern, issues) is not { } text || session.Concerns.Any(c => Same(c, text)))
        {
            return false;
        }

        session.Concerns.Add(text);
        return true;
    }

    /// <summary>Records the follow-up; a callback's time is resolved from <paramref name="now"/> in the customer's zone.</summary>
    public static bool SetFollowUp(ConversationSession session, FollowUpKind kind, string? when, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (session.OptedOut || kind == FollowUpKind.None)
        {
            return false;
        }

        // A callback the customer asked for outranks a later, vaguer "send me something"; one put off with no time said
        // ("maybe later" … "I couldn't tell you when, just send me the details") gives way to it.
        if (kind == FollowUpKind.MoreInfo && session.FollowUp.Kind == FollowUpKind.Callback && (session.FollowUp.At is not null || session.Memory.CallbackPhrase is not null))
        {
            return false;
        }

        DateTimeOffset? at = null;
        if (kind == FollowUpKind.Callback && !string.IsNullOrWhiteSpace(when))
        {
            when = session.FollowUp.Kind == FollowUpKind.Callback ? CallbackTimeParser.Complete(session.Memory.CallbackPhrase, when) : when;
            session.Memory.CallbackPhrase = when.Trim();
            at = CallbackTimeParser.Resolve(when, now, zone)?.At;
        }

        if (kind == FollowUpKind.Callback && at is null && session.FollowUp is { Kind: FollowUpKind.Callback, At: { } earlier })
        {
            at = earlier;
        }

        session.FollowUp = new FollowUp(kind, at);
        return true;
    }

    public static void OptOut(ConversationSession session)
    {
        session.OptedOut = true;
        session.Interest = Interest.NotInterested;
        session.FollowUp = new FollowUp(FollowUpKind.LeaveAlone, null);
    }

    public static Interest? ParseInterest(string? level) => Squash(level) switch
    {
        "interested" or "high" or "yes" or "positive" => Interest.Interested,
        "neutral" or "maybe" or "unsure" or "medium" => Interest.Neutral,
        "notinterested" or "uninterested" or "no" or "low" or "negative" or "none" => Interest.NotInterested,
        "unknown" => Interest.Unknown,
        _ => null,
    };

    public static FollowUpKind? ParseFollowUp(string? kind) => Squash(kind) switch
    {
        "moreinfo" or "moreinformation" or "info" or "information" or "sendinfo" => FollowUpKind.MoreInfo,
        "callback" or "callmeback" or "call" => FollowUpKind.Callback,
        "leavealone" or "donotcall" => FollowUpKind.LeaveAlone,
        "none" or "nofollowup" => FollowUpKind.None,
        _ => null,
    };

    private static string Squash(string? value) =>
        new((value ?? "").Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());

    private static bool Same(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ||
        (TextTokens.Content(a) is { Count: > 0 } x && x.SetEquals(TextTokens.Content(b)));
}
