using System.Text.Json;
using Campaign.Abstractions.Customers;

namespace Campaign.Abstractions.Segments;

/// <summary>Reads the criteria JSON of the HTTP contract into a <see cref="SegmentCriteria"/> tree.</summary>
public static class SegmentCriteriaParser
{
    private const int MaxDepth = 16;

    /// <summary>
    /// Parses criteria given as input, within <see cref="SegmentCriteriaLimits"/>; a missing or null element means
    /// "every customer".
    /// </summary>
    public static SegmentCriteria Parse(JsonElement? element, string path = "criteria")
    {
        if (element is null || element.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new AllCriteria([]);
        }

        SegmentCriteriaLimits.Check(element.Value, path);
        return ParseNode(element.Value, path, 0);
    }

    /// <summary>Parses criteria given as input (JSON text), within <see cref="SegmentCriteriaLimits"/>.</summary>
    public static SegmentCriteria Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement.Clone());
    }

    /// <summary>
    /// Parses criteria already saved (a segment's, a campaign's) without the size limits: whatever an earlier version
    /// accepted still reads, so a list never fails on one stored item.
    /// </summary>
    public static SegmentCriteria ParseStored(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? new AllCriteria([]) : ParseNode(root.Clone(), "criteria", 0);
    }

    private static SegmentCriteria ParseNode(JsonElement node, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new SegmentCriteriaException(path, $"criteria nest deeper than {MaxDepth} levels");
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            throw new SegmentCriteriaException(path, "expected an object such as { \"area\": [\"Riverside\"] }");
        }

        var keys = node.EnumerateObject().Select(p => p.Name).ToList();
        string Primary(params string[] allowed)
        {
            var extra = keys.Where(k => !allowed.Contains(k, StringComparer.Ordinal)).ToList();
            if (extra.Count > 0)
            {
                throw new SegmentCriteriaException(path, $"unexpected field '{extra[0]}' next to '{allowed[0]}'");
            }

            return allowed[0];
        }

        if (node.TryGetProperty("all", out var all))
        {
            Primary("all");
            return new AllCriteria(ParseList(all, $"{path}.all", depth));
        }

        if (node.TryGetProperty("any", out var any))
        {
            Primary("any");
            var items = ParseList(any, $"{path}.any", depth);
            if (items.Count == 0)
            {
                throw new SegmentCriteriaException($"{path}.any", "needs at least one condition");
            }

            return new AnyCriteria(items);
        }

        if (node.TryGetProperty("not", out var not))
        {
            Primary("not");
            return new NotCriteria(ParseNode(not, $"{path}.not", depth + 1));
        }

        if (node.TryGetProperty("issueCategory", out var category))
        {
            Primary("issueCategory", "withinDays");
            int? withinDays = node.TryGetProperty("withinDays", out var days) ? PositiveInt(days, $"{path}.withinDays") : null;
            return new IssueCategoryCriteria(NonEmptyString(category, $"{path}.issueCategory"), withinDays);
        }

        if (node.TryGetProperty("area", out var area))
        {
            Primary("area");
            return new AreaCriteria(StringOrList(area, $"{path}.area"));
        }

        if (node.TryGetProperty("tag", out var tag))
        {
            Primary("tag");
            return new TagCriteria(NonEmptyString(tag, $"{path}.tag"));
        }

        if (node.TryGetProperty("attribute", out var attribute))
        {
            Primary("attribute");
            return ParseAttribute(attribute, $"{path}.attribute");
        }

        if (node.TryGetProperty("contact", out var contact))
        {
            Primary("contact", "days");
            return ParseContact(node, contact, path);
        }

        if (node.TryGetProperty("lastInterest", out var interest))
        {
            Primary("lastInterest");
            return new LastInterestCriteria(ParseInterest(interest, $"{path}.lastInterest"));
        }

        var known = "all, any, not, issueCategory, area, tag, attribute, contact, lastInterest";
        var first = keys.Count == 0 ? "an empty object" : $"'{keys[0]}'";
        throw new SegmentCriteriaException(path, $"{first} is not a criterion; expected one of {known}");
    }

    private static List<SegmentCriteria> ParseList(JsonElement list, string path, int depth)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new SegmentCriteriaException(path, "expected a list of conditions");
        }

        return list.EnumerateArray().Select((item, i) => ParseNode(item, $"{path}[{i}]", depth + 1)).ToList();
    }

    private static AttributeCriteria ParseAttribute(JsonElement attribute, string path)
    {
        if (attribute.ValueKind != JsonValueKind.Object
            || !attribute.TryGetProperty("name", out var name)
            || !attribute.TryGetProperty("equals", out var equalsValue))
        {
            throw new SegmentCriteriaException(path, "expected { \"name\": \"plan\", \"equals\": \"basic\" }");
        }

        return new AttributeCriteria(NonEmptyString(name, $"{path}.name"), ScalarString(equalsValue, $"{path}.equals"));
    }

    private static ContactCriteria ParseContact(JsonElement node, JsonElement contact, string path)
    {
        var text = NonEmptyString(contact, $"{path}.contact");
        if (!Enum.TryParse<ContactCondition>(text, ignoreCase: true, out var condition) || int.TryParse(text, out _))
        {
            throw new SegmentCriteriaException(
                $"{path}.contact",
                $"'{text}' is not one of neverContacted, neverAnswered, notContactedForDays, answeredWithinDays");
        }

        var needsDays = condition is ContactCondition.NotContactedForDays or ContactCondition.AnsweredWithinDays;
        var hasDays = node.TryGetProperty("days", out var days);
        if (needsDays && !hasDays)
        {
            throw new SegmentCriteriaException($"{path}.days", $"'{text}' needs a number of days");
        }

        if (!needsDays && hasDays)
        {
            throw new SegmentCriteriaException($"{path}.days", $"'{text}' takes no number of days");
        }

        return new ContactCriteria(condition, hasDays ? PositiveInt(days, $"{path}.days") : null);
    }

    private static Interest ParseInterest(JsonElement element, string path)
    {
        var text = NonEmptyString(element, path);
        return text.ToLowerInvariant() switch
        {
            "interested" => Interest.Interested,
            "neutral" => Interest.Neutral,
            "notinterested" => Interest.NotInterested,
            _ => throw new SegmentCriteriaException(path, $"'{text}' is not one of interested, neutral, notInterested"),
        };
    }

    private static IReadOnlyList<string> StringOrList(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return [NonEmptyString(element, path)];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new SegmentCriteriaException(path, "expected a list of names");
        }

        var values = element.EnumerateArray().Select((v, i) => NonEmptyString(v, $"{path}[{i}]")).ToList();
        if (values.Count == 0)
        {
            throw new SegmentCriteriaException(path, "needs at least one name");
        }

        return values;
    }

    private static string NonEmptyString(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            throw new SegmentCriteriaException(path, "expected a non-empty text");
        }

        return element.GetString()!.Trim();
    }

    private static string ScalarString(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => throw new SegmentCriteriaException(path, "expected a text, number or true/false"),
    };

    private static int PositiveInt(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value) || value < 1 || value > 36500)
        {
            throw new SegmentCriteriaException(path, "expected a whole number of days between 1 and 36500");
        }

        return value;
    }
}
