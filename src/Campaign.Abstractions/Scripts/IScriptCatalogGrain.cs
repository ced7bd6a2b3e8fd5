namespace Campaign.Abstractions.Scripts;

/// <summary>
/// The list of scripts (key <see cref="Key"/>), so listing them does not wake every script grain. Script grains tell
/// it about each saved version after saving it; the script grain stays the source of truth.
/// </summary>
[Alias("Campaign.IScriptCatalogGrain")]
public interface IScriptCatalogGrain : IGrainWithStringKey
{
    public const string Key = "scripts";

    /// <summary>Records a script's latest version. Being told the same or an older version again changes nothing.</summary>
    [Alias("Record")]
    Task RecordAsync(ScriptSummary summary);

    /// <summary>Every script, by name.</summary>
    [Alias("List")]
    Task<IReadOnlyList<ScriptSummary>> ListAsync();
}
