using System.Text;
using System.Text.RegularExpressions;

namespace Campaign.Conversation.Scripts;

/// <summary>
/// A script text with <c>{{variable}}</c> placeholders. Parsing never throws: problems (unknown variables, unclosed or
/// stray braces) are collected in <see cref="Errors"/>, and the text around them is kept literally.
/// </summary>
public sealed partial class ScriptTemplate
{
    private const string Open = "{{";
    private const string Close = "}}";

    private ScriptTemplate(string text, IReadOnlyList<TemplatePart> parts, IReadOnlyList<string> errors)
    {
        Text = text;
        Parts = parts;
        Errors = errors;
    }

    public string Text { get; }

    public IReadOnlyList<TemplatePart> Parts { get; }

    public IReadOnlyList<string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    public IEnumerable<TemplateVariable> Variables => Parts.OfType<VariablePart>().Select(p => p.Variable);

    public static ScriptTemplate Parse(string? text)
    {
        text ??= "";
        var parts = new List<TemplatePart>();
        var errors = new List<string>();
        var literal = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf(Open, position, StringComparison.Ordinal);
            var strayClose = text.IndexOf(Close, position, StringComparison.Ordinal);
            if (strayClose >= 0 && (open < 0 || strayClose < open))
            {
                errors.Add($"'}}}}' at character {strayClose + 1} has no opening '{{{{'");
                literal.Append(text, position, strayClose + Close.Length - position);
                position = strayClose + Close.Length;
                continue;
            }

            if (open < 0)
            {
                literal.Append(text, position, text.Length - position);
                break;
            }

            literal.Append(text, position, open - position);
            var close = text.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                errors.Add($"'{{{{' at character {open + 1} is never closed with '}}}}'");
                literal.Append(text, open, text.Length - open);
                break;
            }

            var raw = text[(open + Open.Length)..close];
            var error = CheckVariable(raw, open);
            if (error is null)
            {
                Flush(literal, parts);
                parts.Add(new VariablePart(new TemplateVariable(raw.Trim())));
            }
            else
            {
                errors.Add(error);
                literal.Append(text, open, close + Close.Length - open);
            }

            position = close + Close.Length;
        }

        Flush(literal, parts);
        return new ScriptTemplate(text, parts, errors);
    }

    /// <summary>The text with each variable replaced by its value for the context; blank variables leave no gap.</summary>
    public string Render(TemplateContext context)
    {
        if (Parts.All(p => p is LiteralPart))
        {
            return Text;
        }

        var rendered = new StringBuilder();
        foreach (var part in Parts)
        {
            rendered.Append(part switch
            {
                LiteralPart literal => literal.Text,
                VariablePart variable => context.Resolve(variable.Variable) ?? "",
                _ => "",
            });
        }

        return Tidy(rendered.ToString());
    }

    private static string? CheckVariable(string raw, int open)
    {
        var path = raw.Trim();
        if (path.Length == 0)
        {
            return $"'{{{{}}}}' at character {open + 1} names no variable";
        }

        if (path.Contains('{') || path.Contains('}'))
        {
            return $"'{{{{{raw}}}}}' at character {open + 1} has a stray brace inside";
        }

        var variable = new TemplateVariable(path);
        if (variable.IsKnown)
        {
            return null;
        }

        var suggestion = VariableSuggestions.Suggest(path);
        return suggestion is null ? $"unknown variable {variable}" : $"unknown variable {variable}; did you mean {suggestion}?";
    }

    private static void Flush(StringBuilder literal, List<TemplatePart> parts)
    {
        if (literal.Length > 0)
        {
            parts.Add(new LiteralPart(literal.ToString()));
            literal.Clear();
        }
    }

    // A blank variable must not leave "Hello , ..." or a double space behind.
    private static string Tidy(string text) => SpaceBeforePunctuation().Replace(RepeatedSpaces().Replace(text, " "), "$1").Trim();

    [GeneratedRegex("[ \\t]{2,}")]
    private static partial Regex RepeatedSpaces();

    [GeneratedRegex("[ \\t]+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}
