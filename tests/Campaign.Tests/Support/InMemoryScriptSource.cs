using System.Collections.Concurrent;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;

namespace Campaign.Tests.Support;

/// <summary>Scripts held in memory, versioned like the script grain keeps them.</summary>
public sealed class InMemoryScriptSource : IScriptSource
{
    private readonly ConcurrentDictionary<string, List<ScriptVersion>> _scripts = new();

    public ScriptVersion Save(string id, ScriptDefinition definition)
    {
        var versions = _scripts.GetOrAdd(id, _ => []);
        lock (versions)
        {
            var version = new ScriptVersion(id, versions.Count + 1, definition, DateTimeOffset.UnixEpoch);
            versions.Add(version);
            return version;
        }
    }

    public ValueTask<ScriptVersion?> GetAsync(string scriptId, int? version, CancellationToken cancellationToken = default)
    {
        if (!_scripts.TryGetValue(scriptId, out var versions))
        {
            return ValueTask.FromResult<ScriptVersion?>(null);
        }

        lock (versions)
        {
            return ValueTask.FromResult(version is { } v ? versions.FirstOrDefault(s => s.Version == v) : versions.LastOrDefault());
        }
    }
}
