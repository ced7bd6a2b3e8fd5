using System.Globalization;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Scripts;

/// <summary>The values of the template variables for one customer and persona.</summary>
public sealed class TemplateContext(CustomerProfile customer, ScriptPersona persona, string? language = null)
{
    private readonly CultureInfo _culture = CultureFor(language);
    private readonly CustomerIssue? _latestIssue = LatestIssue(customer.Issues);

    public CustomerProfile Customer => customer;

    public ScriptPersona Persona => persona;

    /// <summary>The variable's value, or null when it is blank for this customer (or not a known variable).</summary>
    public string? Resolve(TemplateVariable variable)
    {
        var value = variable.AttributeName is { } attribute
            ? Attribute(attribute)
            : variable.Path switch
            {
                "customer.name" => customer.Name,
                "customer.firstName" => customer.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(),
                "customer.area" => customer.Area,
                "customer.address" => customer.Address,
                "customer.latestIssue" => string.IsNullOrWhiteSpace(_latestIssue?.Text) ? _latestIssue?.Category : _latestIssue.Text,
                "customer.latestIssue.category" => _latestIssue?.Category,
                "customer.latestIssue.text" => _latestIssue?.Text,
                "customer.latestIssue.reportedAt" => ReportedAt(),
                "persona.agentName" => persona.AgentName,
                "persona.company" => persona.Company,
                _ => null,
            };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>Why the variable is blank for this customer, in words an operator understands.</summary>
    public string ExplainBlank(TemplateVariable variable)
    {
        if (!variable.IsKnown)
        {
            return $"{variable} is not a known variable";
        }

        if (variable.AttributeName is { } attribute)
        {
            return $"customer '{customer.Id}' has no attribute '{attribute}'";
        }

        if (variable.Path.StartsWith("customer.latestIssue", StringComparison.Ordinal) && _latestIssue is null)
        {
            return $"customer '{customer.Id}' has reported no issues";
        }

        return variable.Path switch
        {
            "customer.latestIssue.text" => $"the latest issue of customer '{customer.Id}' has no text",
            "customer.latestIssue.reportedAt" => $"the latest issue of customer '{customer.Id}' has no date",
            _ when variable.Path.StartsWith("persona.", StringComparison.Ordinal) => $"the script's persona has no {variable.Path["persona.".Length..]}",
            _ => $"customer '{customer.Id}' has no {variable.Path["customer.".Length..]}",
        };
    }

    private string? Attribute(string name)
    {
        var attributes = customer.Attributes ?? new Dictionary<string, string>();
        if (attributes.TryGetValue(name, out var exact))
        {
            return exact;
        }

        return attributes.FirstOrDefault(a => a.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    // Said the way the customer would say it: their local date, in the script's language.
    private string? ReportedAt()
    {
        if (_latestIssue?.ReportedAt is not { } at)
        {
            return null;
        }

        if (customer.TimeZone is { } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            at = TimeZoneInfo.ConvertTime(at, zone);
        }

        return at.ToString(_culture.DateTimeFormat.LongDatePattern, _culture);
    }

    // Issues are kept oldest first, but an import may leave undated ones anywhere; the newest dated one wins.
    private static CustomerIssue? LatestIssue(IReadOnlyList<CustomerIssue>? issues) =>
        issues is null or { Count: 0 } ? null : issues.Select((issue, index) => (issue, index))
            .MaxBy(x => (x.issue.ReportedAt ?? DateTimeOffset.MinValue, x.index)).issue;

    private static CultureInfo CultureFor(string? language)
    {
        try
        {
            return string.IsNullOrWhiteSpace(language) ? CultureInfo.GetCultureInfo(ScriptLimits.DefaultLanguage) : CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
