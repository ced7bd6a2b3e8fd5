namespace Campaign.Abstractions.Segments;

/// <summary>Criteria that cannot be understood; <see cref="Path"/> names the offending part, e.g. <c>criteria.all[1].area</c>.</summary>
[GenerateSerializer, Alias("Campaign.SegmentCriteriaException")]
public sealed class SegmentCriteriaException(string path, string message) : Exception($"{path}: {message}")
{
    [Id(0)]
    public string Path { get; } = path;
}
