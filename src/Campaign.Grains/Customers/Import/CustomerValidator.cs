using System.Globalization;
using System.Text.RegularExpressions;
using Campaign.Abstractions;
using Campaign.Abstractions.Customers;

namespace Campaign.Grains.Customers.Import;

/// <summary>Checks one imported customer and turns it into a clean profile, or says what is wrong with it.</summary>
public sealed partial class CustomerValidator(PhoneNormalizer phones, TimeProvider? clock = null)
{
    /// <summary>How far ahead of this host's clock an issue date may be, for clocks and time zones that disagree a little.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromDays(1);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public const int MaxIdLength = ClientIds.MaxLength;
    public const int MaxNameLength = ClientIds.MaxNameLength;
    public const int MaxTextLength = 2000;

    public bool TryValidate(CustomerInput input, out CustomerProfile? profile, out string? error)
    {
        profile = null;
        var id = input.Id?.Trim();
        var name = input.Name?.Trim();
        error = ClientIds.Problem(id ?? "", "id");
        error ??= name switch
        {
            null or "" => "name is missing",
            { Length: > MaxNameLength } => $"name is longer than {MaxNameLength} characters",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        if (!phones.TryNormalize(input.Phone, out var phone, out error))
        {
            return false;
        }

        var timeZone = Blank(input.TimeZone);
        if (timeZone is not null && !IsIanaTimeZone(timeZone))
        {
            error = $"timeZone '{timeZone}' is not a known IANA time zone (e.g. Europe/Lisbon)";
            return false;
        }

        var language = Blank(input.Language);
        if (language is not null && !LanguageTag().IsMatch(language))
        {
            error = $"language '{language}' is not a language tag (e.g. en-US)";
            return false;
        }

        var issues = new List<CustomerIssue>();
        foreach (var (issue, index) in input.Issues.Select((issue, index) => (issue, index + 1)))
        {
            if (!TryValidateIssue(issue, index, out var valid, out error))
            {
                return false;
            }

            if (valid is not null)
            {
                issues.Add(valid);
            }
        }

        var consent = new List<ConsentRecord>();
        foreach (var (record, index) in input.Consent.Select((record, index) => (record, index)))
        {
            if (!ConsentParser.TryParse(record.Kind, record.Scope, record.Source, record.At, record.RevokedAt, $"consent[{index}]", out var valid, out error))
            {
                return false;
            }

            consent.Add(valid!);
        }

        var tooLong = new[] { ("name", name), ("area", input.Area), ("address", input.Address) }
            .FirstOrDefault(f => f.Item2?.Length > MaxTextLength);
        if (tooLong.Item1 is not null)
        {
            error = $"{tooLong.Item1} is longer than {MaxTextLength} characters";
            return false;
        }

        profile = new CustomerProfile(
            id!,
            name!,
            phone,
            Blank(input.Area),
            Blank(input.Address),
            timeZone,
            language,
            input.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            input.Attributes.Where(a => a.Key.Trim().Length > 0).ToDictionary(a => a.Key.Trim(), a => a.Value.Trim()),
            issues.OrderBy(i => i.ReportedAt ?? DateTimeOffset.MinValue).ToList(),
            consent.Count == 0 ? null : consent);
        return true;
    }

    private bool TryValidateIssue(IssueInput issue, int index, out CustomerIssue? valid, out string? error)
    {
        valid = null;
        error = null;
        var category = Blank(issue.Category);
        var reportedAt = Blank(issue.ReportedAt);
        var text = Blank(issue.Text);
        if (category is null)
        {
            if (reportedAt is null && text is null)
            {
                return true;
            }

            error = $"issue {index} has no category";
            return false;
        }

        DateTimeOffset? at = null;
        if (reportedAt is not null)
        {
            if (!DateTimeOffset.TryParse(reportedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                error = $"issue {index} reportedAt '{reportedAt}' is not a date (use ISO 8601, e.g. 2026-10-02T09:30:00Z)";
                return false;
            }

            at = parsed.ToUniversalTime();
            if (at > _clock.GetUtcNow() + AllowedClockSkew)
            {
                error = $"issue {index} reportedAt '{reportedAt}' is in the future";
                return false;
            }
        }

        valid = new CustomerIssue(category.ToLowerInvariant(), at, text);
        return true;
    }

    private static bool IsIanaTimeZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
