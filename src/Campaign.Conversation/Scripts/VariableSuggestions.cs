namespace Campaign.Conversation.Scripts;

/// <summary>Finds the variable someone most likely meant when they mistyped one.</summary>
internal static class VariableSuggestions
{
    private const int MaxDistance = 3;

    public static string? Suggest(string path)
    {
        var sameIgnoringCase = TemplateVariable.FixedPaths.FirstOrDefault(p => p.Equals(path, StringComparison.OrdinalIgnoreCase));
        if (sameIgnoringCase is not null)
        {
            return "{{" + sameIgnoringCase + "}}";
        }

        var segments = path.Split('.');
        if (segments.Length >= 3 && segments[^1].Length > 0)
        {
            var prefix = string.Join('.', segments[..2]) + ".";
            if (Distance(prefix, TemplateVariable.AttributesPrefix) <= MaxDistance)
            {
                return "{{" + TemplateVariable.AttributesPrefix + string.Join('.', segments[2..]) + "}}";
            }
        }

        var best = TemplateVariable.FixedPaths
            .Select(p => (Path: p, Distance: Distance(p.ToLowerInvariant(), path.ToLowerInvariant())))
            .MinBy(c => c.Distance);
        return best.Distance <= MaxDistance ? "{{" + best.Path + "}}" : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
