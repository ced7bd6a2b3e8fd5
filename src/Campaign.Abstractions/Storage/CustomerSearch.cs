namespace Campaign.Abstractions.Storage;

/// <summary>
/// What an operator types to find someone: part of an id or a name (any case), or at least three digits of a phone
/// number in any format ("415 555", "(415) 555-01").
/// </summary>
public sealed record CustomerSearch(string Text, string Digits)
{
    public const int MinDigits = 3;

    /// <summary>The search for <paramref name="text"/>; null when there is nothing to search for.</summary>
    public static CustomerSearch? Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return null;
        }

        // Only text that looks like a phone number searches phones: "Srf555d" is part of an id, not digits "555".
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        var phoneLike = trimmed.All(c => char.IsAsciiDigit(c) || PhonePunctuation.Contains(c));
        return new CustomerSearch(trimmed, phoneLike && digits.Length >= MinDigits ? digits : "");
    }

    private const string PhonePunctuation = " +-().";

    /// <summary>A do-not-call entry the search finds: by the number's digits, or by its source or reason.</summary>
    public bool Matches(Customers.DoNotCallEntry entry) =>
        (Digits.Length > 0 && new string(entry.Phone.Where(char.IsAsciiDigit).ToArray()).Contains(Digits, StringComparison.Ordinal))
        || entry.Source.Contains(Text, StringComparison.OrdinalIgnoreCase)
        || (entry.Reason?.Contains(Text, StringComparison.OrdinalIgnoreCase) ?? false);

    public bool Matches(string id, string name, string phone) =>
        id.Contains(Text, StringComparison.OrdinalIgnoreCase)
        || name.Contains(Text, StringComparison.OrdinalIgnoreCase)
        || (Digits.Length > 0 && new string(phone.Where(char.IsAsciiDigit).ToArray()).Contains(Digits, StringComparison.Ordinal));
}
