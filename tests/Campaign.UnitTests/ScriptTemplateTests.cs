using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;
using Campaign.Tests.Support;

namespace Campaign.UnitTests;

public class ScriptTemplateTests
{
    private static readonly ScriptPersona Persona = new("Alex", "City Power");

    [Fact]
    public void Parses_text_and_variables_allowing_spaces_inside_the_braces()
    {
        var template = ScriptTemplate.Parse("Hi {{customer.firstName}}, from {{ persona.company }}!");

        Assert.True(template.IsValid);
        Assert.Equal(
            [
                new LiteralPart("Hi "),
                new VariablePart(new TemplateVariable("customer.firstName")),
                new LiteralPart(", from "),
                new VariablePart(new TemplateVariable("persona.company")),
                new LiteralPart("!"),
            ],
            template.Parts);
    }

    [Theory]
    [InlineData("customer.name")]
    [InlineData("customer.firstName")]
    [InlineData("customer.area")]
    [InlineData("customer.address")]
    [InlineData("customer.latestIssue")]
    [InlineData("customer.latestIssue.category")]
    [InlineData("customer.latestIssue.text")]
    [InlineData("customer.latestIssue.reportedAt")]
    [InlineData("customer.attributes.plan")]
    [InlineData("customer.attributes.meter type")]
    [InlineData("persona.agentName")]
    [InlineData("persona.company")]
    public void Knows_every_documented_variable(string path)
    {
        Assert.True(ScriptTemplate.Parse("{{" + path + "}}").IsValid);
    }

    [Theory]
    [InlineData("Hi {{customer.nmae}}", "unknown variable {{customer.nmae}}; did you mean {{customer.name}}?")]
    [InlineData("Hi {{customer.firstname}}", "unknown variable {{customer.firstname}}; did you mean {{customer.firstName}}?")]
    [InlineData("{{customer.attribute.plan}}", "unknown variable {{customer.attribute.plan}}; did you mean {{customer.attributes.plan}}?")]
    [InlineData("{{customer.attributes.}}", "unknown variable {{customer.attributes.}}")]
    [InlineData("{{weather.today}}", "unknown variable {{weather.today}}")]
    [InlineData("Hi {{customer.name", "'{{' at character 4 is never closed with '}}'")]
    [InlineData("Hi customer.name}}", "'}}' at character 17 has no opening '{{'")]
    [InlineData("Hi {{ }}", "'{{}}' at character 4 names no variable")]
    [InlineData("Hi {{customer.{{name}}", "'{{customer.{{name}}' at character 4 has a stray brace inside")]
    [InlineData("{{{customer.name}}}", "'{{{customer.name}}' at character 1 has a stray brace inside")]
    public void Reports_unknown_variables_and_malformed_braces(string text, string error)
    {
        var template = ScriptTemplate.Parse(text);

        Assert.False(template.IsValid);
        Assert.Equal(error, template.Errors[0]);
    }

    [Fact]
    public void Single_braces_are_plain_text()
    {
        Assert.True(ScriptTemplate.Parse("Press {1} for yes").IsValid);
    }

    [Fact]
    public void Renders_customer_and_persona_values()
    {
        var customer = TestCustomers.Profile("C-1", area: "Riverside", attributes: new Dictionary<string, string> { ["plan"] = "basic" }) with { Name = "Ana Maria Silva" };

        var text = ScriptRenderer.RenderText(
            "Hello {{customer.firstName}} ({{customer.name}}) of {{customer.area}}, {{customer.address}}: {{persona.agentName}} from {{persona.company}}, plan {{customer.attributes.PLAN}}.",
            customer,
            Persona);

        Assert.Equal("Hello Ana (Ana Maria Silva) of Riverside, 1 Main St: Alex from City Power, plan basic.", text);
    }

    [Fact]
    public void The_latest_issue_is_the_newest_dated_one_and_its_date_is_local_to_the_customer()
    {
        var customer = TestCustomers.Profile(
            "C-2",
            issues:
            [
                new CustomerIssue("water", new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero), "low pressure"),
                new CustomerIssue("electricity", new DateTimeOffset(2026, 10, 3, 2, 30, 0, TimeSpan.Zero), "power cuts at night"),
                new CustomerIssue("billing", null, "charged twice"),
            ]);

        var text = ScriptRenderer.RenderText(
            "{{customer.latestIssue.category}} / {{customer.latestIssue.text}} / {{customer.latestIssue.reportedAt}} / {{customer.latestIssue}}",
            customer,
            Persona);

        // 02:30 UTC on 3 October is still 2 October in New York.
        Assert.Equal("electricity / power cuts at night / Friday, October 2, 2026 / power cuts at night", text);
    }

    [Fact]
    public void Blank_variables_leave_no_gap()
    {
        var customer = TestCustomers.Profile("C-3", area: null);

        var text = ScriptRenderer.RenderText("About your report {{customer.latestIssue.text}}, in {{customer.area}} .", customer, Persona);

        Assert.Equal("About your report, in.", text);
    }
}
