using Campaign.Abstractions.Segments;
using Orleans.Runtime;

namespace Campaign.Grains.Segments;

[GenerateSerializer, Alias("Campaign.SegmentCatalogState")]
public sealed class SegmentCatalogState
{
    [Id(0)]
    public Dictionary<string, SegmentDefinition> Segments { get; set; } = [];
}

public sealed class SegmentCatalogGrain(
    [PersistentState("segments", StorageNames.LargeState)] IPersistentState<SegmentCatalogState> state,
    TimeProvider clock) : Grain, ISegmentCatalogGrain
{
    public async Task<SegmentDefinition> CreateAsync(string name, string? description, string criteriaJson)
    {
        SegmentCriteriaParser.Parse(criteriaJson);
        EnsureNameFree(name, exceptId: null);
        var now = clock.GetUtcNow();
        var segment = new SegmentDefinition(NewId(), name.Trim(), description, criteriaJson, now, now);
        state.State.Segments[segment.Id] = segment;
        await state.WriteStateAsync();
        return segment;
    }

    public async Task<SegmentDefinition?> UpdateAsync(string id, string name, string? description, string criteriaJson)
    {
        if (!state.State.Segments.TryGetValue(id, out var existing))
        {
            return null;
        }

        SegmentCriteriaParser.Parse(criteriaJson);
        EnsureNameFree(name, exceptId: id);
        var updated = existing with { Name = name.Trim(), Description = description, CriteriaJson = criteriaJson, UpdatedAt = clock.GetUtcNow() };
        state.State.Segments[id] = updated;
        await state.WriteStateAsync();
        return updated;
    }

    public async Task<bool> DeleteAsync(string id)
    {
        if (!state.State.Segments.Remove(id))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<SegmentDefinition?> GetAsync(string id) =>
        Task.FromResult(state.State.Segments.GetValueOrDefault(id));

    public Task<IReadOnlyList<SegmentDefinition>> ListAsync() =>
        Task.FromResult<IReadOnlyList<SegmentDefinition>>(state.State.Segments.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList());

    private void EnsureNameFree(string name, string? exceptId)
    {
        if (state.State.Segments.Values.Any(s => s.Id != exceptId && string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new SegmentNameTakenException(name.Trim());
        }
    }

    private static string NewId() => "seg-" + Guid.NewGuid().ToString("N")[..12];
}
