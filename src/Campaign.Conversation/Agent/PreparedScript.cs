using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Understanding;

namespace Campaign.Conversation.Agent;

/// <summary>A call's script rendered for its customer, with what every turn needs worked out once.</summary>
public sealed class PreparedScript
{
    public required string? ScriptId { get; init; }

    public required int? Version { get; init; }

    /// <summary>The rendered script: every variable filled in for the customer.</summary>
    public required ScriptDefinition Script { get; init; }

    public required CustomerProfile Customer { get; init; }

    public required TimeZoneInfo Zone { get; init; }

    public required ScriptKnowledge Knowledge { get; init; }

    /// <summary>The first line of every call: the disclosure, the company, then the opening.</summary>
    public required string OpeningLine { get; init; }

    /// <summary>The question the opening ends with, asked again when the customer's answer was not understood.</summary>
    public required string OpeningQuestion { get; init; }

    public required string ConcernsQuestion { get; init; }

    /// <summary>The system prompt's part that does not change between turns.</summary>
    public required string Instructions { get; init; }

    public string Company => Script.Persona.Company;
}
