using System.Text;
using System.Text.Encodings.Web;
using Campaign.Conversation.Scripts;
using Microsoft.AspNetCore.Html;

namespace Campaign.Host.Ui;

/// <summary>A piece of a previewed script text: what the agent would say, or a variable that is blank for this customer.</summary>
public sealed record PreviewPiece(string Text, bool Blank);

/// <summary>
/// A script text rendered for the preview: as the agent would say it, except that a variable blank for this customer
/// is shown in its place as "(no value for first name)", so the operator sees the gap instead of a tidied sentence.
/// </summary>
public static class PreviewText
{
    public static IReadOnlyList<PreviewPiece> Render(string? text, TemplateContext context)
    {
        var template = ScriptTemplate.Parse(text);
        if (!template.Variables.Any(v => context.Resolve(v) is null))
        {
            return [new PreviewPiece(template.Render(context), false)];
        }

        return template.Parts.Select(part => part switch
        {
            VariablePart v when context.Resolve(v.Variable) is { } value => new PreviewPiece(value, false),
            VariablePart v => new PreviewPiece($"(no value for {Words(v.Variable)})", true),
            LiteralPart l => new PreviewPiece(l.Text, false),
            _ => new PreviewPiece("", false),
        }).ToList();
    }

    /// <summary>The pieces as HTML: text encoded, each blank variable in a <c>mark class="blank"</c>.</summary>
    public static IHtmlContent Html(IReadOnlyList<PreviewPiece> pieces)
    {
        var html = new StringBuilder();
        foreach (var piece in pieces)
        {
            var text = HtmlEncoder.Default.Encode(piece.Text);
            html.Append(piece.Blank ? $"<mark class=\"blank\">{text}</mark>" : text);
        }

        return new HtmlString(html.ToString());
    }

    /// <summary>A variable in words: <c>customer.firstName</c> → "first name", <c>customer.attributes.plan</c> → "attribute plan".</summary>
    public static string Words(TemplateVariable variable)
    {
        if (variable.AttributeName is { } attribute)
        {
            return $"attribute {attribute}";
        }

        var path = variable.Path;
        if (path.StartsWith("customer.", StringComparison.Ordinal))
        {
            path = path["customer.".Length..];
        }
        else if (path.StartsWith("persona.", StringComparison.Ordinal))
        {
            path = path["persona.".Length..];
        }

        var words = new StringBuilder();
        foreach (var c in path)
        {
            if (c == '.' || char.IsUpper(c))
            {
                words.Append(' ');
            }

            if (c != '.')
            {
                words.Append(char.ToLowerInvariant(c));
            }
        }

        return string.Join(' ', words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
