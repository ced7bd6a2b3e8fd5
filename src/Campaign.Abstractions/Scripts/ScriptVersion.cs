namespace Campaign.Abstractions.Scripts;

/// <summary>One saved version of a script. Versions count 1, 2, 3… and never change once saved.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptVersion")]
public sealed record ScriptVersion(
    [property: Id(0)] string ScriptId,
    [property: Id(1)] int Version,
    [property: Id(2)] ScriptDefinition Definition,
    [property: Id(3)] DateTimeOffset SavedAt);

/// <summary>A line of a script's version history.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptVersionSummary")]
public sealed record ScriptVersionSummary(
    [property: Id(0)] int Version,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset SavedAt);

/// <summary>A script as the catalog lists it.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ScriptSummary")]
public sealed record ScriptSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int LatestVersion,
    [property: Id(3)] DateTimeOffset UpdatedAt);
