using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Scripts;

/// <summary>Fills a script's variables in for one customer.</summary>
public static class ScriptRenderer
{
    /// <summary>Every templated text of the script rendered for the customer; blank variables leave no gap.</summary>
    public static RenderedScript Render(ScriptDefinition script, CustomerProfile customer)
    {
        var context = new TemplateContext(customer, script.Persona, script.Language);
        var rendered = ScriptTexts.Map(script, (_, text) => ScriptTemplate.Parse(text).Render(context));
        return new RenderedScript(rendered, ScriptValidator.FindBlankVariables(script, customer));
    }

    /// <summary>One text rendered for the customer and persona.</summary>
    public static string RenderText(string text, CustomerProfile customer, ScriptPersona persona, string? language = null) =>
        ScriptTemplate.Parse(text).Render(new TemplateContext(customer, persona, language));
}
