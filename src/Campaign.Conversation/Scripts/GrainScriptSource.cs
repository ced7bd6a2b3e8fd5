using System.Collections.Concurrent;
using Campaign.Abstractions.Scripts;
using Orleans;

namespace Campaign.Conversation.Scripts;

/// <summary>
/// Reads scripts from their script grains. Saved versions never change, so each is kept in memory once read; only
/// "the latest version" asks the grain every time.
/// </summary>
public sealed class GrainScriptSource(IGrainFactory grains) : IScriptSource
{
    private readonly ConcurrentDictionary<(string ScriptId, int Version), ScriptVersion> _versions = new();

    public async ValueTask<ScriptVersion?> GetAsync(string scriptId, int? version, CancellationToken cancellationToken = default)
    {
        if (version is { } pinned && _versions.TryGetValue((scriptId, pinned), out var cached))
        {
            return cached;
        }

        var loaded = await grains.GetGrain<IScriptGrain>(scriptId).GetAsync(version);
        if (loaded is not null)
        {
            _versions.TryAdd((scriptId, loaded.Version), loaded);
        }

        return loaded;
    }
}
