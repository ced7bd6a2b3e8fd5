using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;
using Campaign.Host.Ui;

namespace Campaign.UnitTests;

public class PreviewTextTests
{
    private static readonly TemplateContext Context = new(
        new CustomerProfile("C-1", "Ana Silva", "+12125550147", "Riverside", null, null, null, [], new Dictionary<string, string>(), []),
        new ScriptPersona("Alex", "Lakeshore Water"));

    [Theory]
    [InlineData("customer.firstName", "first name")]
    [InlineData("customer.latestIssue.text", "latest issue text")]
    [InlineData("customer.attributes.plan", "attribute plan")]
    [InlineData("persona.agentName", "agent name")]
    public void A_variable_is_named_in_words(string path, string words) =>
        Assert.Equal(words, PreviewText.Words(new TemplateVariable(path)));

    [Fact]
    public void A_blank_variable_is_shown_in_place_and_a_full_text_is_rendered_as_the_agent_says_it()
    {
        Assert.Equal(
            [new PreviewPiece("Your \"", false), new PreviewPiece("(no value for attribute plan)", true), new PreviewPiece("\" plan, ", false), new PreviewPiece("Ana", false), new PreviewPiece(".", false)],
            PreviewText.Render("Your \"{{customer.attributes.plan}}\" plan, {{customer.firstName}}.", Context));
        Assert.Equal([new PreviewPiece("Hello Ana, from Alex.", false)], PreviewText.Render("Hello {{customer.firstName}} , from {{persona.agentName}}.", Context));
        Assert.Equal("a &lt;b&gt; <mark class=\"blank\">(no value for address)</mark>", PreviewText.Html(PreviewText.Render("a <b> {{customer.address}}", Context)).ToString());
    }
}
