using System.Text.RegularExpressions;

namespace Campaign.Grains.Customers.Import;

/// <summary>
/// Understands the header of a customer CSV. Names are matched without regard to case, spaces, '_' or '-'.
/// Issues are written as column groups <c>issue.category</c>, <c>issue.reportedAt</c>, <c>issue.text</c>
/// (or <c>issue2.category</c>… for more than one), attributes as <c>attr.NAME</c> columns or a packed
/// <c>attributes</c> column (<c>plan=basic;meter=smart</c>), tags as one column separated by ';' or '|', consent
/// records as <c>consent.kind</c>, <c>consent.scope</c>, <c>consent.source</c>, <c>consent.at</c>, <c>consent.revokedAt</c>
/// (<c>consent2.kind</c>… for more).
/// </summary>
internal sealed partial class CsvColumnMap
{
    private readonly Dictionary<int, Action<CustomerInput, string>> _setters = [];

    private CsvColumnMap()
    {
    }

    public static CsvColumnMap FromHeader(string[] header)
    {
        var map = new CsvColumnMap();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var raw = header[i].Trim();
            if (raw.Length == 0)
            {
                throw new ImportFormatException($"column {i + 1} has no name in the header line", "header", 1);
            }

            var key = Canonical(Normalize(raw));
            if (!seen.TryAdd(key, raw))
            {
                throw new ImportFormatException($"column '{raw}' appears twice in the header line", raw, 1);
            }

            map._setters[i] = SetterFor(key, raw);
        }

        foreach (var required in new[] { "id", "name", "phone" })
        {
            if (!seen.ContainsKey(required))
            {
                throw new ImportFormatException($"the header has no '{required}' column (found: {string.Join(", ", header)})", required, 1);
            }
        }

        return map;
    }

    public CustomerInput Read(string?[] fields)
    {
        var input = new CustomerInput();
        for (var i = 0; i < fields.Length; i++)
        {
            if (_setters.TryGetValue(i, out var set) && !string.IsNullOrWhiteSpace(fields[i]))
            {
                set(input, fields[i]!.Trim());
            }
        }

        input.Issues.RemoveAll(issue => issue.Category is null && issue.ReportedAt is null && issue.Text is null);
        input.Consent.RemoveAll(consent => consent.IsEmpty);
        return input;
    }

    private static Action<CustomerInput, string> SetterFor(string key, string raw)
    {
        switch (key)
        {
            case "id":
                return (c, v) => c.Id = v;
            case "name":
                return (c, v) => c.Name = v;
            case "phone":
                return (c, v) => c.Phone = v;
            case "area":
                return (c, v) => c.Area = v;
            case "address":
                return (c, v) => c.Address = v;
            case "timezone":
                return (c, v) => c.TimeZone = v;
            case "language":
                return (c, v) => c.Language = v;
            case "tags":
                return (c, v) => c.Tags.AddRange(v.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            case "attributes":
                return (c, v) => ReadPackedAttributes(c, v);
        }

        if (AttributeColumn().Match(key) is { Success: true } attribute)
        {
            var name = raw[(raw.IndexOf('.') + 1)..].Trim();
            return (c, v) => c.Attributes[name] = v;
        }

        if (IssueColumn().Match(key) is { Success: true } issue)
        {
            var index = issue.Groups[1].Success ? int.Parse(issue.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            if (index < 1 || index > 50)
            {
                throw new ImportFormatException($"column '{raw}': issue numbers go from 1 to 50", raw, 1);
            }

            Action<IssueInput, string> setField = issue.Groups[2].Value switch
            {
                "category" => (i, v) => i.Category = v,
                "reportedat" or "date" => (i, v) => i.ReportedAt = v,
                _ => (i, v) => i.Text = v,
            };
            return (c, v) =>
            {
                while (c.Issues.Count < index)
                {
                    c.Issues.Add(new IssueInput());
                }

                setField(c.Issues[index - 1], v);
            };
        }

        if (ConsentColumn().Match(key) is { Success: true } consent)
        {
            var index = consent.Groups[1].Success ? int.Parse(consent.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            if (index < 1 || index > 10)
            {
                throw new ImportFormatException($"column '{raw}': consent numbers go from 1 to 10", raw, 1);
            }

            Action<ConsentInput, string> setField = consent.Groups[2].Value switch
            {
                "kind" => (r, v) => r.Kind = v,
                "scope" => (r, v) => r.Scope = v,
                "source" => (r, v) => r.Source = v,
                "at" => (r, v) => r.At = v,
                _ => (r, v) => r.RevokedAt = v,
            };
            return (c, v) =>
            {
                while (c.Consent.Count < index)
                {
                    c.Consent.Add(new ConsentInput());
                }

                setField(c.Consent[index - 1], v);
            };
        }

        throw new ImportFormatException(
            $"unknown column '{raw}'; known columns are id, name, phone, area, address, timeZone, language, tags, attributes, attr.NAME, issue.category, issue.reportedAt, issue.text (issue2.… for more), consent.kind, consent.scope, consent.source, consent.at, consent.revokedAt (consent2.… for more)",
            raw,
            1);
    }

    private static void ReadPackedAttributes(CustomerInput customer, string value)
    {
        foreach (var pair in value.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"attribute '{pair}' is not written as name=value");
            }

            customer.Attributes[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }
    }

    private static string Canonical(string key) => key switch
    {
        "customerid" => "id",
        "fullname" => "name",
        "phonenumber" => "phone",
        "neighborhood" or "neighbourhood" => "area",
        "tz" => "timezone",
        "lang" => "language",
        _ => key,
    };

    private static string Normalize(string header) =>
        new string(header.Where(ch => ch is not (' ' or '_' or '-')).ToArray()).ToLowerInvariant();

    [GeneratedRegex("^(attr|attribute)\\..+$")]
    private static partial Regex AttributeColumn();

    [GeneratedRegex("^issue(\\d+)?\\.(category|reportedat|date|text)$")]
    private static partial Regex IssueColumn();

    [GeneratedRegex("^consent(\\d+)?\\.(kind|scope|source|at|revokedat)$")]
    private static partial Regex ConsentColumn();
}
