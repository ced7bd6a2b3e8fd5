using Campaign.Abstractions.Schedules;
using Orleans.Runtime;

namespace Campaign.Grains.Schedules;

[GenerateSerializer, Alias("Campaign.ScheduleCatalogState")]
public sealed class ScheduleCatalogState
{
    [Id(0)]
    public List<string> Ids { get; set; } = [];
}

public sealed class ScheduleCatalogGrain(
    [PersistentState("schedules", StorageNames.LargeState)] IPersistentState<ScheduleCatalogState> state) : Grain, IScheduleCatalogGrain
{
    public async Task AddAsync(string scheduleId)
    {
        if (!state.State.Ids.Contains(scheduleId))
        {
            state.State.Ids.Add(scheduleId);
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string scheduleId)
    {
        if (state.State.Ids.Remove(scheduleId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.Ids.ToList());
}
