using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Campaign.Grains.Customers.Import;

/// <summary>
/// Reads customers from a JSON array in the shape of the HTTP contract, one element at a time. A malformed file
/// stops the reading with its line. A row's "line" is its 1-based position in the array.
/// </summary>
public static class JsonCustomerReader
{
    public static async Task<IReadOnlyList<ImportRow>> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var rows = new List<ImportRow>();
        await foreach (var row in ReadRowsAsync(stream, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async IAsyncEnumerable<ImportRow> ReadRowsAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var line = 0;
        await foreach (var element in JsonArrayReader.ReadElementsAsync(stream, cancellationToken))
        {
            using (element)
            {
                yield return ReadRow(element.RootElement, ++line);
            }
        }
    }

    private static ImportRow ReadRow(JsonElement element, int line)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ImportRow(line, null, "expected a customer object");
        }

        var input = new CustomerInput();
        try
        {
            foreach (var property in element.EnumerateObject())
            {
                ReadProperty(input, property);
            }
        }
        catch (FormatException ex)
        {
            return new ImportRow(line, null, ex.Message);
        }

        return new ImportRow(line, input, null);
    }

    private static void ReadProperty(CustomerInput input, JsonProperty property)
    {
        var value = property.Value;
        switch (property.Name.ToLowerInvariant())
        {
            case "id": input.Id = Scalar(value, "id"); break;
            case "name": input.Name = Scalar(value, "name"); break;
            case "phone": input.Phone = Scalar(value, "phone"); break;
            case "area": input.Area = Scalar(value, "area"); break;
            case "address": input.Address = Scalar(value, "address"); break;
            case "timezone": input.TimeZone = Scalar(value, "timeZone"); break;
            case "language": input.Language = Scalar(value, "language"); break;
            case "tags": ReadTags(input, value); break;
            case "attributes": ReadAttributes(input, value); break;
            case "issues": ReadIssues(input, value); break;
            case "consent": ReadConsent(input, value); break;
            case "donotcall" or "contacthistory":
                break; // present in exported customers; managed by the system, not by imports
            default:
                throw new FormatException($"unknown field '{property.Name}'");
        }
    }

    private static void ReadTags(CustomerInput input, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            input.Tags.AddRange(value.GetString()!.Split([';', '|', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            return;
        }

        if (value.ValueKind is JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("tags must be a list of texts");
        }

        input.Tags.AddRange(value.EnumerateArray().Select((tag, i) => Scalar(tag, $"tags[{i}]") ?? ""));
    }

    private static void ReadAttributes(CustomerInput input, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("attributes must be an object of name: value");
        }

        foreach (var attribute in value.EnumerateObject())
        {
            input.Attributes[attribute.Name] = Scalar(attribute.Value, $"attributes.{attribute.Name}") ?? "";
        }
    }

    private static void ReadIssues(CustomerInput input, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("issues must be a list of { category, reportedAt, text }");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"issues[{index - 1}] must be an object {{ category, reportedAt, text }}");
            }

            var issue = new IssueInput();
            foreach (var field in item.EnumerateObject())
            {
                var text = Scalar(field.Value, $"issues[{index - 1}].{field.Name}");
                switch (field.Name.ToLowerInvariant())
                {
                    case "category": issue.Category = text; break;
                    case "reportedat": issue.ReportedAt = text; break;
                    case "text": issue.Text = text; break;
                    default: throw new FormatException($"unknown field 'issues[{index - 1}].{field.Name}'");
                }
            }

            input.Issues.Add(issue);
        }
    }

    private static void ReadConsent(CustomerInput input, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("consent must be a list of { kind, scope, source, at, revokedAt }");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"consent[{index}] must be an object {{ kind, scope, source, at, revokedAt }}");
            }

            var record = new ConsentInput();
            foreach (var field in item.EnumerateObject())
            {
                var text = Scalar(field.Value, $"consent[{index}].{field.Name}");
                switch (field.Name.ToLowerInvariant())
                {
                    case "kind": record.Kind = text; break;
                    case "scope": record.Scope = text; break;
                    case "source": record.Source = text; break;
                    case "at": record.At = text; break;
                    case "revokedat": record.RevokedAt = text; break;
                    default: throw new FormatException($"unknown field 'consent[{index}].{field.Name}'");
                }
            }

            input.Consent.Add(record);
            index++;
        }
    }

    private static string? Scalar(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw new FormatException($"{name} must be a text"),
    };
}
