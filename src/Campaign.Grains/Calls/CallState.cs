using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;

namespace Campaign.Grains.Calls;

[GenerateSerializer, Alias("Campaign.CallState")]
public sealed class CallState
{
    [Id(0)]
    public CallRequest? Request { get; set; }

    [Id(1)]
    public CallStatus Status { get; set; }

    [Id(2)]
    public string? ProviderCallId { get; set; }

    [Id(3)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(4)]
    public DateTimeOffset? AnsweredAt { get; set; }

    [Id(5)]
    public DateTimeOffset? EndedAt { get; set; }

    [Id(6)]
    public CallResult? Result { get; set; }

    [Id(7)]
    public string? Note { get; set; }

    [Id(8)]
    public ConversationSession? Session { get; set; }

    [Id(9)]
    public CallOutcome? Outcome { get; set; }

    [Id(10)]
    public bool OptOutRecorded { get; set; }

    [Id(11)]
    public string? Phone { get; set; }

    /// <summary>Callee turns answered so far (speech or silence); numbered events for older turns are repeats.</summary>
    [Id(12)]
    public int Turns { get; set; }

    /// <summary>The instruction that answered turn <see cref="Turns"/> (0: the opening), given again to a repeat of that turn.</summary>
    [Id(13)]
    public CallInstruction? LastInstruction { get; set; }

    /// <summary>When the callee first heard the agent (see <see cref="Abstractions.Telephony.ITelephony.ReportsFirstAudio"/>).</summary>
    [Id(14)]
    public DateTimeOffset? FirstAudioAt { get; set; }

    [Id(15)]
    public bool Abandoned { get; set; }

    public CallRecord ToRecord(string id) => new(
        id,
        Request?.CampaignId ?? "",
        Request?.CustomerId ?? "",
        Request?.SegmentId,
        Request?.Attempt ?? 0,
        Status,
        Result,
        StartedAt,
        AnsweredAt,
        EndedAt,
        Session?.Transcript.ToList() ?? [],
        Outcome,
        Note,
        Request?.ScriptId,
        Request?.ScriptVersion,
        LocalStart()?.Hour,
        LocalStart()?.DayOfWeek,
        AnsweredAt is { } answered ? Compliance.AbandonRule.FirstAudioMs(answered, FirstAudioAt) : null,
        Abandoned);

    private DateTimeOffset? LocalStart()
    {
        if (StartedAt is not { } started)
        {
            return null;
        }

        var zone = Session?.Customer.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(started, zone);
    }
}
