using Campaign.Abstractions.Conversation;
using Microsoft.SemanticKernel;

namespace Campaign.Conversation.Agent;

/// <summary>
/// One request to the chat model, carried in <see cref="Kernel.Data"/> of the kernel that serves it. The kernel
/// functions write what they learn into <see cref="Session"/>, the turn's own copy of the call's session (the agent
/// returns what changed), and the offline engine reads the structured script from <see cref="Script"/> instead of
/// parsing it back out of the prompt text.
/// </summary>
public sealed class ConversationTurn
{
    public const string DataKey = "Campaign.Conversation.Turn";

    public required ConversationSession Session { get; init; }

    public required PreparedScript Script { get; init; }

    /// <summary>When the customer's words arrived; callback times are resolved from it.</summary>
    public required DateTimeOffset Now { get; init; }

    public TurnPurpose Purpose { get; init; } = TurnPurpose.Reply;

    /// <summary>The script's turn limit allows no further agent turn after this one.</summary>
    public bool LastTurn { get; init; }

    /// <summary>
    /// The customer's line that made the agent ask "Would you like us to stop calling you?", when the answer to that
    /// question (this turn's line) was not a yes: what that line said about the offer still counts.
    /// </summary>
    public string? DeclinedOptOut { get; init; }

    /// <summary>Set by the <c>transfer_to_human</c> function when a person can take the call now.</summary>
    public AgentTransfer? TransferRequested { get; set; }

    /// <summary>Set by the <c>end_call</c> function.</summary>
    public bool EndRequested { get; set; }

    public static ConversationTurn? Of(Kernel? kernel) =>
        kernel is not null && kernel.Data.TryGetValue(DataKey, out var value) ? value as ConversationTurn : null;

    public static ConversationTurn Require(Kernel kernel) =>
        Of(kernel) ?? throw new InvalidOperationException($"The kernel carries no conversation turn (Kernel.Data[\"{DataKey}\"]).");

    /// <summary>A copy of the template kernel that carries this turn.</summary>
    public Kernel Attach(Kernel template)
    {
        var kernel = template.Clone();
        kernel.Data[DataKey] = this;
        return kernel;
    }
}

public enum TurnPurpose
{
    /// <summary>The next thing the agent says.</summary>
    Reply,

    /// <summary>The structured outcome of the finished call.</summary>
    Extraction,
}
