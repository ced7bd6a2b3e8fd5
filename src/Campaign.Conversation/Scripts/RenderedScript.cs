using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Scripts;

/// <summary>A script with every variable filled in for one customer, and the variables that came out blank.</summary>
public sealed record RenderedScript(ScriptDefinition Script, IReadOnlyList<ScriptBlankVariable> BlankVariables);
