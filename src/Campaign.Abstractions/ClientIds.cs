namespace Campaign.Abstractions;

/// <summary>
/// The shape of an id a client chooses (customer, script) or refers to (segment, script, campaign, schedule):
/// letters, digits, '-', '_' and '.', at most <see cref="MaxLength"/> characters, never "." or ".." so it is always
/// reachable as one segment of a URL path.
/// </summary>
public static class ClientIds
{
    public const int MaxLength = 128;

    /// <summary>Names bounded the same everywhere a person types one (segment, script, campaign, customer).</summary>
    public const int MaxNameLength = 200;

    /// <summary>What is wrong with <paramref name="id"/> (already trimmed), or null when it is a valid id.</summary>
    public static string? Problem(string id, string field)
    {
        if (id.Length == 0)
        {
            return $"{field} is missing";
        }

        if (id.Length > MaxLength)
        {
            return $"{field} is longer than {MaxLength} characters";
        }

        if (id is "." or "..")
        {
            return $"{field} '{id}' is not allowed ('.' and '..' cannot be addressed)";
        }

        return id.All(IsAllowed)
            ? null
            : $"{field} '{Shorten(id)}' may only contain letters, digits, '-', '_' and '.'";
    }

    public static bool IsValid(string id) => Problem(id, "id") is null;

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "…";
}
