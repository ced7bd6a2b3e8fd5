using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Campaign.Tests.Deployment;

/// <summary>Reads the repository's deployment files: YAML documents as node trees, the Dockerfile as instructions.</summary>
internal static partial class DeploymentFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public static IReadOnlyList<YamlMappingNode> Yaml(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Read(relative));
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    /// <summary>The Dockerfile's instructions (continuation lines joined, comments dropped) as (INSTRUCTION, arguments).</summary>
    public static IReadOnlyList<(string Instruction, string Arguments)> Dockerfile()
    {
        var joined = Regex.Replace(Read("Dockerfile"), @"\\\r?\n", " ");
        return joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2) is var parts ? (parts[0].ToUpperInvariant(), parts.Length > 1 ? Spaces().Replace(parts[1], " ").Trim() : "") : default)
            .ToList();
    }

    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.At(path) as YamlSequenceNode ?? Enumerable.Empty<YamlNode>();

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode node, params string[] path) =>
        (node.At(path) as YamlMappingNode)?.Children.Select(c => new KeyValuePair<string, YamlNode>(((YamlScalarNode)c.Key).Value!, c.Value))
        ?? [];

    /// <summary>The keys the configuration reference documents, as written there in backticks (<c>`Storage:Provider`</c>, <c>`POD_IP`</c>).</summary>
    public static ISet<string> DocumentedNames() =>
        Backticked().Matches(Read("docs/configuration.md")).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Campaign.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Campaign.Orleans.sln) is not above the test's folder.");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"`([A-Za-z_][A-Za-z0-9_:<>]*)`")]
    private static partial Regex Backticked();
}
