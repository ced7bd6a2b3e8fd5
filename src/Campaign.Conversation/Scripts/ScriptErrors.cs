using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Scripts;

/// <summary>Collects validation errors field by field.</summary>
internal sealed class ScriptErrors
{
    private readonly List<ScriptValidationError> _errors = [];

    public IReadOnlyList<ScriptValidationError> All => _errors;

    public void Add(string field, string message) => _errors.Add(new ScriptValidationError(field, message));

    /// <summary>A required text that is read as it is: variables are not allowed.</summary>
    public void PlainText(string field, string? text, int maxLength, string? whyRequired = null)
    {
        if (Required(field, text, maxLength, whyRequired) && text!.Contains("{{", StringComparison.Ordinal))
        {
            Add(field, "variables are not allowed here");
        }
    }

    /// <summary>A required text the agent says, which may hold variables.</summary>
    public void Template(string field, string? text) => Template(field, text, null);

    public void Template(string field, string? text, string? whyRequired) => Template(field, text, ScriptLimits.MaxTextLength, whyRequired);

    /// <summary>An optional text that may hold variables: checked only when given.</summary>
    public void OptionalTemplate(string field, string? text, int maxLength)
    {
        if (text is not null)
        {
            Template(field, text, maxLength, null);
        }
    }

    private void Template(string field, string? text, int maxLength, string? whyRequired)
    {
        if (!Required(field, text, maxLength, whyRequired))
        {
            return;
        }

        foreach (var error in ScriptTemplate.Parse(text).Errors)
        {
            Add(field, error);
        }
    }

    public void List<T>(string field, IReadOnlyList<T?>? items, Action<string, T> validateItem)
        where T : class
    {
        if (items is null)
        {
            return;
        }

        if (items.Count > ScriptLimits.MaxListItems)
        {
            Add(field, $"has {items.Count} items; at most {ScriptLimits.MaxListItems} are allowed");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                validateItem($"{field}[{i}]", item);
            }
            else
            {
                Add($"{field}[{i}]", "is empty");
            }
        }
    }

    public void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, $"must be between {min} and {max} (was {value})");
        }
    }

    private bool Required(string field, string? text, int maxLength, string? whyRequired)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(field, whyRequired is null ? "is required" : $"is required: {whyRequired}");
            return false;
        }

        if (text.Length > maxLength)
        {
            Add(field, $"is longer than {maxLength} characters");
            return false;
        }

        return true;
    }
}
