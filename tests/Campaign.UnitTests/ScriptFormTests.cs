using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;
using Campaign.Host.Pages.Scripts;

namespace Campaign.UnitTests;

public class ScriptFormTests
{
    private static ScriptForm Valid() => new()
    {
        Name = "Check",
        AgentName = "Alex",
        Company = "Lakeshore",
        Goal = "Ask.",
        Opening = "Hello {{customer.firstName}}.",
        Closing = "Bye.",
        Disclosure = "I'm an automated assistant for {{persona.company}}.",
    };

    [Fact]
    public void List_fields_are_read_one_item_a_line_and_faq_lines_split_at_the_bar()
    {
        var form = Valid();
        form.TalkingPoints = "First point\r\nSecond point\n";
        form.Faq = "Will I get a credit? | Yes, after 24 hours.\nA question without answer";
        form.Objections = "Busy | When is better?";

        var script = form.ToDefinition();

        Assert.Equal(new[] { "First point", "Second point" }, script.TalkingPoints);
        Assert.Equal(new ScriptFaq("Will I get a credit?", "Yes, after 24 hours."), script.Faq[0]);
        Assert.Equal("", script.Faq[1].Answer);
        Assert.Equal(new ScriptObjection("Busy", "When is better?"), script.Objections[0]);
    }

    [Fact]
    public void Errors_are_placed_under_their_input_with_the_line_of_list_items()
    {
        var form = Valid();
        form.Opening = "Hello {{customer.nmae}}";
        form.TalkingPoints = "One\n\nThree";
        form.Faq = "A question without answer";

        var placed = ScriptValidator.Validate(form.ToDefinition()).Select(ScriptForm.Place).ToList();

        Assert.Contains(placed, p => p.Input == "opening" && p.Text.Contains("{{customer.nmae}}", StringComparison.Ordinal));
        Assert.Contains(placed, p => p.Input == "talkingPoints" && p.Text.StartsWith("line 2: ", StringComparison.Ordinal));
        Assert.Contains(placed, p => p.Input == "faq" && p.Text.StartsWith("line 1 (answer): ", StringComparison.Ordinal));
        Assert.All(placed, p => Assert.Contains(p.Input, ScriptForm.Inputs));
    }

    [Fact]
    public void A_saved_version_loads_back_into_the_same_definition()
    {
        var form = Valid();
        form.Faq = "Q1 | A1\nQ2 | A2";
        form.CaptureQuestions = "Is it fixed?";
        var definition = form.ToDefinition();

        var reloaded = ScriptForm.From(new ScriptVersion("scr-1", 3, definition, DateTimeOffset.UnixEpoch));

        Assert.Equal(3, reloaded.BaseVersion);
        var again = reloaded.ToDefinition();
        Assert.Equal(definition.Faq, again.Faq);
        Assert.Equal(definition.CaptureQuestions, again.CaptureQuestions);
        Assert.Equal(definition.Opening, again.Opening);
    }
}
