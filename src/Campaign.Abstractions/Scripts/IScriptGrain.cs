namespace Campaign.Abstractions.Scripts;

/// <summary>One script (key: script id) with every version ever saved.</summary>
[Alias("Campaign.IScriptGrain")]
public interface IScriptGrain : IGrainWithStringKey
{
    /// <summary>
    /// Saves version 1. Throws <see cref="ScriptValidationException"/> for an invalid script and
    /// <see cref="ScriptAlreadyExistsException"/> when the id is taken; nothing is saved then.
    /// </summary>
    [Alias("Create")]
    Task<ScriptVersion> CreateAsync(ScriptDefinition definition);

    /// <summary>
    /// Saves the next version; null when the script does not exist. With <paramref name="expectedVersion"/>, throws
    /// <see cref="ScriptVersionConflictException"/> unless it is the latest version. Invalid scripts throw
    /// <see cref="ScriptValidationException"/> and change nothing.
    /// </summary>
    [Alias("Update")]
    Task<ScriptVersion?> UpdateAsync(ScriptDefinition definition, int? expectedVersion = null);

    /// <summary>The given version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    [Alias("Get")]
    Task<ScriptVersion?> GetAsync(int? version = null);

    /// <summary>Every version, oldest first; empty when the script does not exist.</summary>
    [Alias("ListVersions")]
    Task<IReadOnlyList<ScriptVersionSummary>> ListVersionsAsync();
}
