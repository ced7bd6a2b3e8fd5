namespace Campaign.Abstractions.Segments;

/// <summary>The saved segments of the system; one grain (key <see cref="Key"/>) so names stay unique.</summary>
[Alias("Campaign.ISegmentCatalogGrain")]
public interface ISegmentCatalogGrain : IGrainWithStringKey
{
    public const string Key = "segments";

    /// <summary>Saves a new segment; throws <see cref="SegmentNameTakenException"/> when the name is in use.</summary>
    [Alias("Create")]
    Task<SegmentDefinition> CreateAsync(string name, string? description, string criteriaJson);

    [Alias("Update")]
    Task<SegmentDefinition?> UpdateAsync(string id, string name, string? description, string criteriaJson);

    [Alias("Delete")]
    Task<bool> DeleteAsync(string id);

    [Alias("Get")]
    Task<SegmentDefinition?> GetAsync(string id);

    [Alias("List")]
    Task<IReadOnlyList<SegmentDefinition>> ListAsync();
}

[GenerateSerializer, Alias("Campaign.SegmentNameTakenException")]
public sealed class SegmentNameTakenException(string name) : Exception($"a segment named '{name}' already exists")
{
    [Id(0)]
    public string Name { get; } = name;
}
