using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Scripts;

/// <summary>Where the agent reads a call's script from.</summary>
public interface IScriptSource
{
    /// <summary>The given version (the latest when null); null when the script or version does not exist.</summary>
    ValueTask<ScriptVersion?> GetAsync(string scriptId, int? version, CancellationToken cancellationToken = default);
}
