using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Campaign.Grains.Scripts;

/// <summary>
/// Owns one script's versions. Each save is one state write of a new version; the catalog is told afterwards, and
/// told again until it has heard, so a failure between the two writes only delays the catalog.
/// </summary>
public sealed class ScriptGrain(
    [PersistentState("script", StorageNames.LargeState)] IPersistentState<ScriptState> state,
    TimeProvider clock,
    ILogger<ScriptGrain> logger) : Grain, IScriptGrain
{
    private static readonly TimeSpan CatalogRetryDelay = TimeSpan.FromSeconds(5);
    private IGrainTimer? _catalogRetry;

    private ScriptVersion? Latest => state.State.Versions.Count == 0 ? null : state.State.Versions[^1];

    private string Id => this.GetPrimaryKeyString();

    // A process killed between the version write and the catalog write is caught up here on the next activation.
    public override Task OnActivateAsync(CancellationToken cancellationToken) => Latest is null ? Task.CompletedTask : TellCatalogAsync();

    public async Task<ScriptVersion> CreateAsync(ScriptDefinition definition)
    {
        if (Latest is not null)
        {
            throw new ScriptAlreadyExistsException(Id);
        }

        return await SaveAsync(definition);
    }

    public async Task<ScriptVersion?> UpdateAsync(ScriptDefinition definition, int? expectedVersion = null)
    {
        if (Latest is not { } latest)
        {
            return null;
        }

        if (expectedVersion is { } expected && expected != latest.Version)
        {
            throw new ScriptVersionConflictException(Id, expected, latest.Version);
        }

        return await SaveAsync(definition);
    }

    public Task<ScriptVersion?> GetAsync(int? version = null)
    {
        var versions = state.State.Versions;
        var found = version switch
        {
            null => Latest,
            >= 1 when version <= versions.Count => versions[version.Value - 1],
            _ => null,
        };
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<ScriptVersionSummary>> ListVersionsAsync() =>
        Task.FromResult<IReadOnlyList<ScriptVersionSummary>>(
            state.State.Versions.Select(v => new ScriptVersionSummary(v.Version, v.Definition.Name, v.SavedAt)).ToList());

    private async Task<ScriptVersion> SaveAsync(ScriptDefinition definition)
    {
        var errors = ScriptValidator.Validate(definition);
        if (errors.Count > 0)
        {
            throw new ScriptValidationException(errors);
        }

        var saved = new ScriptVersion(Id, (Latest?.Version ?? 0) + 1, definition, clock.GetUtcNow());
        state.State.Versions.Add(saved);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The write may or may not have landed; reload from storage on the next call rather than guess.
            state.State.Versions.Remove(saved);
            DeactivateOnIdle();
            throw;
        }

        await TellCatalogAsync();
        return saved;
    }

    private async Task TellCatalogAsync()
    {
        var latest = Latest!;
        try
        {
            await GrainFactory.GetGrain<IScriptCatalogGrain>(IScriptCatalogGrain.Key)
                .RecordAsync(new ScriptSummary(Id, latest.Definition.Name, latest.Version, latest.SavedAt));
            _catalogRetry?.Dispose();
            _catalogRetry = null;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Script {ScriptId} version {Version} is saved but the catalog was not updated; retrying", Id, latest.Version);
            _catalogRetry ??= this.RegisterGrainTimer(TellCatalogAsync, CatalogRetryDelay, CatalogRetryDelay);
        }
    }
}
