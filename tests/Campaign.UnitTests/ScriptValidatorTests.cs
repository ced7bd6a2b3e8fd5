using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;
using Campaign.Host.Demo;
using Campaign.Tests.Support;

namespace Campaign.UnitTests;

public class ScriptValidatorTests
{
    [Fact]
    public void A_complete_script_is_valid_and_gets_the_default_limits()
    {
        var script = TestScripts.Valid();

        Assert.Empty(ScriptValidator.Validate(script));
        Assert.Equal((20, 600, "en-US", null), (script.MaxTurns, script.MaxSeconds, script.Language, script.Voice));
    }

    [Fact]
    public void The_demo_scripts_are_valid()
    {
        Assert.All(DemoScripts.All, s => Assert.Empty(ScriptValidator.Validate(s.Definition)));
    }

    [Fact]
    public void A_script_without_disclosure_or_company_cannot_be_saved()
    {
        var script = TestScripts.Valid() with { Disclosure = " ", Persona = new ScriptPersona("Alex", "") };

        var errors = ScriptValidator.Validate(script);

        Assert.Equal(["persona.company", "disclosure"], errors.Select(e => e.Field));
        Assert.StartsWith("is required", errors[1].Message);
    }

    [Fact]
    public void Every_required_field_is_named()
    {
        var empty = new ScriptDefinition("", new ScriptPersona("", ""), "", "", [], [], [], "", [], "");

        Assert.Equal(
            ["name", "persona.agentName", "persona.company", "goal", "opening", "closing", "disclosure"],
            ScriptValidator.Validate(empty).Select(e => e.Field));
    }

    [Fact]
    public void Unknown_variables_and_malformed_braces_name_the_field()
    {
        var script = TestScripts.Valid() with
        {
            Opening = "Hi {{customer.nmae}}",
            Faq = [new ScriptFaq("Why?", "Because {{customer.area"), new ScriptFaq("", "ok")],
            Objections = [new ScriptObjection("No.", "Sure }} then")],
        };

        var errors = ScriptValidator.Validate(script).Select(e => e.ToString()).ToList();

        Assert.Equal(
            [
                "opening: unknown variable {{customer.nmae}}; did you mean {{customer.name}}?",
                "faq[0].answer: '{{' at character 9 is never closed with '}}'",
                "faq[1].question: is required",
                "objections[0].response: '}}' at character 6 has no opening '{{'",
            ],
            errors);
    }

    [Fact]
    public void An_information_text_may_hold_known_variables_up_to_640_characters()
    {
        var ok = TestScripts.Valid() with { InfoText = "Hi {{customer.firstName}}, details from {{persona.company}}: " + new string('x', 570) };
        Assert.Empty(ScriptValidator.Validate(ok));

        Assert.Equal(
            ["infoText: unknown variable {{customer.nmae}}; did you mean {{customer.name}}?"],
            ScriptValidator.Validate(ok with { InfoText = "Hi {{customer.nmae}}" }).Select(e => e.ToString()));
        Assert.Equal(
            ["infoText: is longer than 640 characters"],
            ScriptValidator.Validate(ok with { InfoText = new string('x', 641) }).Select(e => e.ToString()));
    }

    [Theory]
    [InlineData(0, 600, "maxTurns")]
    [InlineData(101, 600, "maxTurns")]
    [InlineData(20, 29, "maxSeconds")]
    [InlineData(20, 3601, "maxSeconds")]
    public void Limits_must_be_in_range(int maxTurns, int maxSeconds, string field)
    {
        var errors = ScriptValidator.Validate(TestScripts.Valid() with { MaxTurns = maxTurns, MaxSeconds = maxSeconds });

        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Limits_at_the_edges_are_accepted()
    {
        Assert.Empty(ScriptValidator.Validate(TestScripts.Valid() with { MaxTurns = 1, MaxSeconds = 30 }));
        Assert.Empty(ScriptValidator.Validate(TestScripts.Valid() with { MaxTurns = 100, MaxSeconds = 3600 }));
    }

    [Fact]
    public void Persona_and_name_take_no_variables_and_language_must_be_a_tag()
    {
        var script = TestScripts.Valid() with { Persona = new ScriptPersona("{{customer.name}}", "City Power"), Language = "English" };

        Assert.Equal(["persona.agentName", "language"], ScriptValidator.Validate(script).Select(e => e.Field));
    }

    [Fact]
    public void Too_many_items_and_empty_items_are_refused()
    {
        var script = TestScripts.Valid() with { TalkingPoints = Enumerable.Repeat("point", 51).ToList(), CaptureQuestions = ["ok", " "] };

        Assert.Equal(["talkingPoints", "captureQuestions[1]"], ScriptValidator.Validate(script).Select(e => e.Field));
    }

    [Fact]
    public void Variables_that_would_be_blank_for_a_customer_without_issues_are_reported()
    {
        var script = TestScripts.Valid() with
        {
            Opening = "Hi {{customer.firstName}}, about {{customer.latestIssue.category}}: {{customer.latestIssue.text}}",
            TalkingPoints = ["Your {{customer.attributes.plan}} plan in {{customer.area}}"],
        };
        var customer = TestCustomers.Profile("C-9", area: "Riverside");

        var blanks = ScriptValidator.FindBlankVariables(script, customer);

        Assert.Equal(
            [
                ("opening", "{{customer.latestIssue.category}}"),
                ("opening", "{{customer.latestIssue.text}}"),
                ("talkingPoints[0]", "{{customer.attributes.plan}}"),
            ],
            blanks.Select(b => (b.Field, b.Variable)));
        Assert.Equal("{{customer.latestIssue.category}} is blank: customer 'C-9' has reported no issues", blanks[0].Message);
        Assert.Equal("{{customer.attributes.plan}} is blank: customer 'C-9' has no attribute 'plan'", blanks[2].Message);
    }

    [Fact]
    public void A_customer_with_everything_the_script_needs_gets_no_warnings()
    {
        var script = TestScripts.Valid() with { Opening = "Hi {{customer.firstName}}, about {{customer.latestIssue.text}} on {{customer.latestIssue.reportedAt}}" };
        var customer = TestCustomers.Profile("C-10", issues: new CustomerIssue("water", DateTimeOffset.UtcNow, "leak"));

        Assert.Empty(ScriptValidator.FindBlankVariables(script, customer));
    }

    [Fact]
    public void Rendering_a_whole_script_fills_every_text_and_lists_the_blanks()
    {
        var customer = TestCustomers.Profile("C-11", area: null) with { Name = "Ana Silva" };

        var rendered = ScriptRenderer.Render(TestScripts.Valid(), customer);

        Assert.Equal("Hello Ana, this is Alex from City Power.", rendered.Script.Opening);
        Assert.Equal("I'm an automated assistant calling on behalf of City Power.", rendered.Script.Disclosure);
        Assert.Equal("Crews worked in last week.", rendered.Script.TalkingPoints[0]);
        Assert.Equal(("talkingPoints[0]", "{{customer.area}}"), (rendered.BlankVariables.Single().Field, rendered.BlankVariables.Single().Variable));
    }
}
