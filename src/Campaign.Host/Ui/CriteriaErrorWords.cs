using System.Text.RegularExpressions;

namespace Campaign.Host.Ui;

/// <summary>
/// A segment criteria error in an operator's words: the API names the place by its JSON path
/// (<c>criteria.all[1].withinDays</c>) and this says "Condition 2 (issue reported within)", with the conditions numbered
/// as the builder shows them (a condition inside a group as 2.1). The API's own answer is unchanged; the segment
/// builder's script (segment-builder.js) mirrors this.
/// </summary>
public static partial class CriteriaErrorWords
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["issueCategory"] = "issue category",
        ["withinDays"] = "issue reported within",
        ["area"] = "areas",
        ["tag"] = "tag",
        ["attribute"] = "attribute",
        ["attribute.name"] = "attribute name",
        ["attribute.equals"] = "attribute value",
        ["contact"] = "contact history",
        ["days"] = "contact history days",
        ["lastInterest"] = "last interest",
        ["all"] = "all of these",
        ["any"] = "any of these",
    };

    private static readonly (string Api, string Words)[] Messages =
    [
        ("expected a whole number of days between 1 and 36500", "days must be a whole number between 1 and 36500"),
        ("expected a non-empty text", "is empty; type a value"),
        ("needs at least one name", "is empty; type at least one"),
        ("needs at least one condition", "add at least one condition"),
    ];

    /// <summary>The error's place in words, then its message: <c>Condition 2 (issue reported within): days must be …</c>.</summary>
    public static string Describe(string? path, string detail)
    {
        var message = detail;
        if (!string.IsNullOrEmpty(path) && message.StartsWith(path + ": ", StringComparison.Ordinal))
        {
            message = message[(path.Length + 2)..];
        }

        foreach (var (api, words) in Messages)
        {
            message = message.Replace(api, words, StringComparison.Ordinal);
        }

        return Place(path) is { } place ? $"{place}: {message}" : message;
    }

    /// <summary>"Condition 2 (issue reported within)", "Condition 1.2 (areas, value 3)", "The conditions"; null for a path that is not a criteria path.</summary>
    public static string? Place(string? path)
    {
        if (path is null || !path.StartsWith("criteria", StringComparison.Ordinal))
        {
            return null;
        }

        var numbers = new List<int>();
        var fields = new List<string>();
        int? value = null;
        string? previous = null;
        foreach (Match token in Token().Matches(path["criteria".Length..]))
        {
            if (token.Groups["name"].Success)
            {
                previous = token.Groups["name"].Value;
                if (previous is not ("all" or "any" or "not"))
                {
                    fields.Add(previous);
                }

                continue;
            }

            var index = int.Parse(token.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
            if (previous is "all" or "any")
            {
                numbers.Add(index);
                fields.Clear();
                value = null;
            }
            else
            {
                value = index;
            }
        }

        var field = fields.Count == 0 ? null
            : Fields.GetValueOrDefault(string.Join('.', fields.TakeLast(2))) ?? Fields.GetValueOrDefault(fields[^1]) ?? fields[^1];
        if (field is null && previous is "all" or "any" && !path.EndsWith(']'))
        {
            field = Fields[previous];
        }

        var detail = (field, value) switch
        {
            (null, null) => null,
            (null, { } v) => $"value {v}",
            ({ } f, null) => f,
            ({ } f, { } v) => $"{f}, value {v}",
        };
        var where = numbers.Count == 0 ? (detail is null ? "The conditions" : null) : "Condition " + string.Join('.', numbers);
        return (where, detail) switch
        {
            (null, { } d) => char.ToUpperInvariant(d[0]) + d[1..],
            ({ } w, null) => w,
            ({ } w, { } d) => $"{w} ({d})",
            _ => null,
        };
    }

    [GeneratedRegex(@"\.(?<name>[A-Za-z]+)|\[(?<index>\d+)\]")]
    private static partial Regex Token();
}
