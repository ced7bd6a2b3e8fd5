namespace Campaign.Abstractions.Scripts;

/// <summary>The script was refused; <see cref="Errors"/> lists every problem, in the order of the script's fields.</summary>
[GenerateSerializer, Alias("Campaign.ScriptValidationException")]
public sealed class ScriptValidationException(IReadOnlyList<ScriptValidationError> errors) : Exception(Describe(errors))
{
    [Id(0)]
    public IReadOnlyList<ScriptValidationError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<ScriptValidationError> errors) => errors.Count switch
    {
        0 => "the script is not valid",
        1 => errors[0].ToString(),
        _ => $"{errors[0]} (and {errors.Count - 1} more)",
    };
}

[GenerateSerializer, Alias("Campaign.ScriptAlreadyExistsException")]
public sealed class ScriptAlreadyExistsException(string scriptId) : Exception($"script '{scriptId}' already exists")
{
    [Id(0)]
    public string ScriptId { get; } = scriptId;
}

/// <summary>An update based on an older version than the latest, so it would silently undo someone else's edit.</summary>
[GenerateSerializer, Alias("Campaign.ScriptVersionConflictException")]
public sealed class ScriptVersionConflictException(string scriptId, int expectedVersion, int latestVersion)
    : Exception($"script '{scriptId}' is at version {latestVersion}, not {expectedVersion}; reload it and apply the change again")
{
    [Id(0)]
    public string ScriptId { get; } = scriptId;

    [Id(1)]
    public int ExpectedVersion { get; } = expectedVersion;

    [Id(2)]
    public int LatestVersion { get; } = latestVersion;
}
