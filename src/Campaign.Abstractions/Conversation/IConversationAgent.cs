using System.Runtime.Serialization;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Newtonsoft.Json;

namespace Campaign.Abstractions.Conversation;

/// <summary>
/// The conversation port: produces what the agent says and captures what the customer wants. A turn never changes the
/// session it is given: it returns what it changed (<see cref="AgentTurn"/>), for the session's owner to apply.
/// </summary>
public interface IConversationAgent
{
    /// <summary>The opening of an answered call.</summary>
    Task<AgentTurn> OpenTurnAsync(ConversationSession session, CancellationToken cancellationToken = default);

    /// <summary>The answer to what the customer just said (null text: the customer stayed silent).</summary>
    Task<AgentTurn> ReplyTurnAsync(ConversationSession session, string? customerText, CancellationToken cancellationToken = default);

    /// <summary>The answer streamed as it is produced: tokens, then a last chunk carrying the whole reply.</summary>
    AgentTurnStream StreamTurn(ConversationSession session, string? customerText, CancellationToken cancellationToken = default);

    /// <summary>The customer interrupted the agent: only <paramref name="heard"/> of its last line reached them.</summary>
    AgentTurn InterruptedTurn(ConversationSession session, string? heard);

    /// <summary>The outcome of the conversation, with explicit unknowns where nothing was learnt, and what concluding changed.</summary>
    Task<AgentConclusion> ConcludeTurnAsync(ConversationSession session, CancellationToken cancellationToken = default);
}

/// <summary>
/// What the agent says; <see cref="Transfer"/>: after saying it, the call goes to a person. <see cref="ListensAfter"/>:
/// a goodbye after which the line stays open a moment, so that words said over it ("…and don't call me again") are
/// still heard before the call is hung up.
/// </summary>
public sealed record AgentReply(string Text, bool EndCall, AgentTransfer? Transfer = null)
{
    public bool ListensAfter { get; init; }
}

/// <summary>A transfer to a person: the number, and the whisper said to them first (null: none).</summary>
public sealed record AgentTransfer(string Number, string? Whisper);

/// <summary>A piece of a streamed reply: text to speak now, and on the last chunk the whole <see cref="Reply"/>.</summary>
public sealed record AgentReplyChunk(string Token, AgentReply? Reply = null);

/// <summary>The state of one conversation, held by the call grain between turns.</summary>
[GenerateSerializer, Alias("Campaign.ConversationSession")]
public sealed class ConversationSession
{
    [Id(0)]
    public required CustomerProfile Customer { get; init; }

    /// <summary>The call this conversation belongs to (the call grain's id), named in the agent's log lines.</summary>
    [Id(12)]
    public string? CallId { get; init; }

    [Id(1)]
    public string? ScriptId { get; init; }

    /// <summary>The script version the campaign pinned when it started; a running campaign keeps it whatever is saved later.</summary>
    [Id(10)]
    public int? ScriptVersion { get; init; }

    /// <summary>What the agent keeps between turns (for instance the step of the script it is at).</summary>
    [Id(13)]
    [JsonProperty("AgentMemory")]
    public AgentMemory Memory { get; set; } = new();

    /// <summary>
    /// The agent's memory as calls stored it before it was typed (string keys, stored as <c>Memory</c>); moved into
    /// <see cref="Memory"/> when such a call is loaded.
    /// </summary>
    [Id(11)]
    [JsonProperty("Memory", NullValueHandling = NullValueHandling.Ignore)]
    public Dictionary<string, string>? StoredKeys { get; set; }

    [Id(2)]
    public List<TranscriptLine> Transcript { get; init; } = [];

    [Id(3)]
    public int Step { get; set; }

    [Id(4)]
    public Interest Interest { get; set; } = Interest.Unknown;

    [Id(5)]
    public List<string> Concerns { get; init; } = [];

    [Id(6)]
    public FollowUp FollowUp { get; set; } = FollowUp.None;

    [Id(7)]
    public bool OptedOut { get; set; }

    [Id(8)]
    public int Silences { get; set; }

    [Id(9)]
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>A copy for one turn to work on, sharing nothing the turn may change with this session.</summary>
    public ConversationSession Draft() => new()
    {
        Customer = Customer,
        CallId = CallId,
        ScriptId = ScriptId,
        ScriptVersion = ScriptVersion,
        Memory = Memory.Copy(),
        Transcript = [.. Transcript],
        Step = Step,
        Interest = Interest,
        Concerns = [.. Concerns],
        FollowUp = FollowUp,
        OptedOut = OptedOut,
        Silences = Silences,
        AnsweredAt = AnsweredAt,
    };

    /// <summary>Takes in what an agent's turn changed.</summary>
    public void Apply(AgentTurn turn)
    {
        Transcript.RemoveRange(turn.KeptLines, Transcript.Count - turn.KeptLines);
        Transcript.AddRange(turn.NewLines);
        Interest = turn.Facts.Interest;
        Concerns.Clear();
        Concerns.AddRange(turn.Facts.Concerns);
        FollowUp = turn.Facts.FollowUp;
        OptedOut = turn.Facts.OptedOut;
        Silences = turn.Silences;
        Memory = turn.Memory;
    }

    [OnDeserialized]
    private void MoveStoredKeys(StreamingContext context)
    {
        if (StoredKeys is { } keys)
        {
            Memory = AgentMemory.FromKeys(keys);
            StoredKeys = null;
        }
    }
}
