using Campaign.Abstractions.Scripts;

namespace Campaign.Grains.Scripts;

[GenerateSerializer, Alias("Campaign.ScriptState")]
public sealed class ScriptState
{
    /// <summary>Every saved version, oldest first; version N is at index N - 1.</summary>
    [Id(0)]
    public List<ScriptVersion> Versions { get; set; } = [];
}
