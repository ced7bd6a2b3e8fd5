using Campaign.Abstractions.Scripts;

namespace Campaign.Grains.Scripts;

[GenerateSerializer, Alias("Campaign.ScriptCatalogState")]
public sealed class ScriptCatalogState
{
    [Id(0)]
    public Dictionary<string, ScriptSummary> Scripts { get; set; } = [];
}
