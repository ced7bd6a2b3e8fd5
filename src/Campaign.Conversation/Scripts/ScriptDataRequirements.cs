using Campaign.Abstractions.Scripts;
using Campaign.Abstractions.Storage;

namespace Campaign.Conversation.Scripts;

/// <summary>A script text that needs some optional customer data to render.</summary>
public sealed record CustomerDataRequirement(string Field, string Variable, CustomerData Data, string? AttributeName);

/// <summary>Which optional customer data a script's variables need, so a campaign can check its audience has it before calling anyone.</summary>
public static class ScriptDataRequirements
{
    public static IReadOnlyList<CustomerDataRequirement> Of(ScriptDefinition script) =>
        ScriptTexts.Enumerate(script)
            .SelectMany(t => ScriptTemplate.Parse(t.Text).Variables.Distinct().Select(v => (t.Field, Variable: v)))
            .Select(x => Requirement(x.Field, x.Variable))
            .OfType<CustomerDataRequirement>()
            .DistinctBy(r => (r.Data, r.AttributeName))
            .ToList();

    private static CustomerDataRequirement? Requirement(string field, TemplateVariable variable)
    {
        if (variable.AttributeName is { } attribute)
        {
            return new CustomerDataRequirement(field, variable.ToString(), CustomerData.Attribute, attribute);
        }

        return variable.Path switch
        {
            "customer.area" => new CustomerDataRequirement(field, variable.ToString(), CustomerData.Area, null),
            "customer.address" => new CustomerDataRequirement(field, variable.ToString(), CustomerData.Address, null),
            _ when variable.Path.StartsWith("customer.latestIssue", StringComparison.Ordinal) =>
                new CustomerDataRequirement(field, variable.ToString(), CustomerData.Issue, null),
            _ => null,
        };
    }
}
