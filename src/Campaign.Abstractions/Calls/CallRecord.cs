using Campaign.Abstractions.Customers;

namespace Campaign.Abstractions.Calls;

public enum CallStatus
{
    Created,
    Dialing,
    Ringing,
    InProgress,
    Voicemail,
    Ended,
}

[GenerateSerializer, Immutable, Alias("Campaign.TranscriptLine")]
public sealed record TranscriptLine([property: Id(0)] Speaker Speaker, [property: Id(1)] string Text, [property: Id(2)] DateTimeOffset At);

public enum Speaker
{
    Agent,
    Customer,
}

/// <summary>
/// What was learnt on an answered call. Unknown is an explicit value, never a blank. <see cref="Concerns"/> are topics
/// ("power cuts at night"); <see cref="ConcernQuotes"/> keep what the customer said for each (null on calls recorded
/// before quotes were kept).
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CallOutcome")]
public sealed record CallOutcome(
    [property: Id(0)] Interest Interest,
    [property: Id(1)] IReadOnlyList<string> Concerns,
    [property: Id(2)] FollowUp FollowUp,
    [property: Id(3)] string Summary,
    [property: Id(4)] bool OptedOut,
    [property: Id(5)] int? LocalHour,
    [property: Id(6)] DayOfWeek? Weekday,
    [property: Id(7)] IReadOnlyList<ConcernQuote>? ConcernQuotes = null);

/// <summary>A concern's topic and the customer's own words for it ("I'm worried about the power going off at night").</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ConcernQuote")]
public sealed record ConcernQuote([property: Id(0)] string Concern, [property: Id(1)] string Quote);

[GenerateSerializer, Immutable, Alias("Campaign.FollowUp")]
public sealed record FollowUp([property: Id(0)] FollowUpKind Kind, [property: Id(1)] DateTimeOffset? At)
{
    public static FollowUp None { get; } = new(FollowUpKind.None, null);
}

/// <summary>
/// A call attempt as stored and shown: timeline, transcript and outcome. <see cref="LocalHour"/> and
/// <see cref="LocalWeekday"/> are when the attempt started in the customer's time zone. <see cref="FirstAudioMs"/> is the
/// time from the answer to the agent's first audio (null when the callee never heard the agent); <see cref="Abandoned"/>
/// marks an answered call whose agent stayed silent past the abandon limit (<c>Compliance:AbandonAfterMs</c>).
/// <see cref="Texts"/> are the text messages sent after the call (null or empty when none).
/// <see cref="Transfer"/> is set when the call was handed to a person (or that was tried).
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CallRecord")]
public sealed record CallRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string? SegmentId,
    [property: Id(4)] int Attempt,
    [property: Id(5)] CallStatus Status,
    [property: Id(6)] CallResult? Result,
    [property: Id(7)] DateTimeOffset? StartedAt,
    [property: Id(8)] DateTimeOffset? AnsweredAt,
    [property: Id(9)] DateTimeOffset? EndedAt,
    [property: Id(10)] IReadOnlyList<TranscriptLine> Transcript,
    [property: Id(11)] CallOutcome? Outcome,
    [property: Id(12)] string? Note,
    [property: Id(13)] string? ScriptId = null,
    [property: Id(14)] int? ScriptVersion = null,
    [property: Id(15)] int? LocalHour = null,
    [property: Id(16)] DayOfWeek? LocalWeekday = null,
    [property: Id(17)] int? FirstAudioMs = null,
    [property: Id(18)] bool Abandoned = false,
    [property: Id(19)] CallTransfer? Transfer = null,
    [property: Id(20)] IReadOnlyList<CallText>? Texts = null);

/// <summary>
/// What a call grain tells its campaign when the call is over: enough to settle the attempt and to count it in the
/// campaign's statistics without reading the record. <see cref="Abandoned"/> as on the record.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.CallReport")]
public sealed record CallReport(
    [property: Id(0)] string CallId,
    [property: Id(1)] long Seq,
    [property: Id(2)] int Attempt,
    [property: Id(3)] CallResult Result,
    [property: Id(4)] CallOutcome? Outcome,
    [property: Id(5)] bool Abandoned = false,
    [property: Id(6)] int? FirstAudioMs = null,
    [property: Id(7)] string? SegmentId = null,
    [property: Id(8)] int? LocalHour = null,
    [property: Id(9)] DayOfWeek? LocalWeekday = null,
    [property: Id(10)] string? CustomerId = null,
    [property: Id(11)] string? ScriptId = null,
    [property: Id(12)] bool EarlyHangUp = false)
{
    /// <summary>The report of an ended call's record (its <see cref="CallRecord.Result"/> set).</summary>
    public static CallReport Of(CallRecord record, long seq) => new(
        record.Id, seq, record.Attempt, record.Result!.Value, record.Outcome, record.Abandoned, record.FirstAudioMs, record.SegmentId, record.LocalHour, record.LocalWeekday,
        record.CustomerId, record.ScriptId, IsEarlyHangUp(record));

    /// <summary>
    /// An answered call the customer left within the first turn: they said nothing, or said one thing and were gone
    /// before the agent could answer it. An opt-out is counted as one, not as a hang-up.
    /// </summary>
    public static bool IsEarlyHangUp(CallRecord record)
    {
        if (record.Result != CallResult.Answered || record.Outcome is { OptedOut: true })
        {
            return false;
        }

        var said = record.Transcript.Count(line => line.Speaker == Speaker.Customer);
        return said == 0 || (said == 1 && record.Transcript[^1].Speaker == Speaker.Customer);
    }
}
