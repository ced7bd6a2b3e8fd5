using System.Globalization;
using Campaign.Abstractions.Customers;

namespace Campaign.Grains.Customers;

/// <summary>Reads one consent record as written in an import or a request, naming the field that is wrong.</summary>
public static class ConsentParser
{
    public const int MaxTextLength = 200;

    public static bool TryParse(string? kind, string? scope, string? source, string? at, string? revokedAt, string field, out ConsentRecord? record, out string? error)
    {
        record = null;
        if (!TryKind(kind, out var parsedKind))
        {
            error = string.IsNullOrWhiteSpace(kind)
                ? $"{field}.kind is missing (express or expressWritten)"
                : $"{field}.kind '{kind.Trim()}' is not express or expressWritten";
            return false;
        }

        if (string.IsNullOrWhiteSpace(at))
        {
            error = $"{field}.at is missing: the date the consent was given (ISO 8601, e.g. 2026-03-01)";
            return false;
        }

        if (!TryDate(at, out var given))
        {
            error = $"{field}.at '{at.Trim()}' is not a date (ISO 8601, e.g. 2026-03-01)";
            return false;
        }

        DateTimeOffset? revoked = null;
        if (!string.IsNullOrWhiteSpace(revokedAt))
        {
            if (!TryDate(revokedAt, out var parsed))
            {
                error = $"{field}.revokedAt '{revokedAt.Trim()}' is not a date (ISO 8601, e.g. 2026-03-01)";
                return false;
            }

            revoked = parsed;
        }

        if (scope?.Length > MaxTextLength || source?.Length > MaxTextLength)
        {
            error = $"{field}.{(scope?.Length > MaxTextLength ? "scope" : "source")} is longer than {MaxTextLength} characters";
            return false;
        }

        record = new ConsentRecord(parsedKind, Blank(scope), Blank(source), given, revoked);
        error = null;
        return true;
    }

    public static bool TryKind(string? text, out ConsentKind kind)
    {
        kind = ConsentKind.Express;
        switch (text?.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant())
        {
            case "express":
                return true;
            case "expresswritten" or "written":
                kind = ConsentKind.ExpressWritten;
                return true;
            default:
                return false;
        }
    }

    private static bool TryDate(string text, out DateTimeOffset date)
    {
        var ok = DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
        date = date.ToUniversalTime();
        return ok;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
