using Campaign.Abstractions.Scripts;
using Orleans.Runtime;

namespace Campaign.Grains.Scripts;

/// <summary>The script list behind <c>GET /api/scripts</c>; keeps the highest version it has been told of per script.</summary>
public sealed class ScriptCatalogGrain(
    [PersistentState("scripts", StorageNames.LargeState)] IPersistentState<ScriptCatalogState> state) : Grain, IScriptCatalogGrain
{
    public async Task RecordAsync(ScriptSummary summary)
    {
        if (state.State.Scripts.TryGetValue(summary.Id, out var known) && known.LatestVersion >= summary.LatestVersion)
        {
            return;
        }

        state.State.Scripts[summary.Id] = summary;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Forget the unsaved entry, or the script grain's retry would be mistaken for a repeat and ignored.
            if (known is null)
            {
                state.State.Scripts.Remove(summary.Id);
            }
            else
            {
                state.State.Scripts[summary.Id] = known;
            }

            throw;
        }
    }

    public Task<IReadOnlyList<ScriptSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ScriptSummary>>(state.State.Scripts.Values
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList());
}
