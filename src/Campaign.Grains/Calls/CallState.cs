using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Grains.Compliance;

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

    /// <summary>Set and stored before the information text goes to the provider, so a retried settlement never sends it twice.</summary>
    [Id(17)]
    public bool InfoTextAttempted { get; set; }

    [Id(18)]
    public List<CallText>? Texts { get; set; }

    /// <summary>The hand-over to a person, once the agent asked for one.</summary>
    [Id(16)]
    public CallTransfer? Transfer { get; set; }

    /// <summary>The attempt begins: the customer is claimed and the number is about to be dialled.</summary>
    public void Begin(string id, CallRequest request, CustomerProfile profile, CallingPlace place, DateTimeOffset now)
    {
        Request = request;
        Status = CallStatus.Dialing;
        StartedAt = now;
        Phone = profile.Phone;
        // The conversation resolves callback times and the answer's local hour in the customer's zone: the located one
        // when none was imported, rather than UTC.
        var customer = profile.TimeZone is null && place.IsKnown ? profile with { TimeZone = place.Zones[0] } : profile;
        Session = new ConversationSession { CallId = id, Customer = customer, ScriptId = request.ScriptId, ScriptVersion = request.ScriptVersion };
    }

    /// <summary>A machine answered: the voicemail policy's message, or null to hang up at once.</summary>
    public string? MachineAnswered(DateTimeOffset now)
    {
        Status = CallStatus.Voicemail;
        AnsweredAt = now;
        var policy = Request!.VoicemailPolicy;
        var message = policy.Action == VoicemailAction.LeaveMessage ? policy.Message : null;
        Note = message is null ? "voicemail: hung up" : "voicemail: message left";
        return message;
    }

    /// <summary>The call ends now with <paramref name="result"/>; an answered call is checked against the abandon rule.</summary>
    public void End(CallResult result, string? note, DateTimeOffset now, AbandonRule abandon)
    {
        Status = CallStatus.Ended;
        EndedAt = now;
        Result = result;
        Note = note ?? Note;
        if (result == CallResult.Answered && AnsweredAt is { } answeredAt)
        {
            Abandoned = abandon.IsAbandoned(answeredAt, FirstAudioAt);
        }

        Transfer = Transfer switch
        {
            { Result: TransferResult.Connected, EndedAt: null } connected => connected with { EndedAt = now },
            // The customer hung up (or the line dropped) while the person's line was still ringing.
            { Result: TransferResult.Pending } pending => pending with { Result = TransferResult.NoAnswer },
            var other => other,
        };
    }

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
        AnsweredAt is { } answered ? AbandonRule.FirstAudioMs(answered, FirstAudioAt) : null,
        Abandoned,
        Transfer,
        Texts?.ToList() ?? []);

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
