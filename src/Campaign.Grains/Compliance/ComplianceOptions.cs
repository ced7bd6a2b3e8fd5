using System.Globalization;
using Microsoft.Extensions.Options;

namespace Campaign.Grains.Compliance;

/// <summary>
/// Calling-hours rules (<c>Compliance:*</c>). The legal bounds are data shipped with the product (<see cref="CallingRules"/>:
/// 08:00 to 21:00 in the customer's local time, as the US TCPA requires, unless their country's or state's law is
/// stricter): <see cref="CallingHoursFrom"/>/<see cref="CallingHoursTo"/> and <see cref="Countries"/> can only narrow them.
/// </summary>
public sealed class ComplianceOptions
{
    public static readonly TimeSpan LegalFrom = TimeSpan.FromHours(8);
    public static readonly TimeSpan LegalTo = TimeSpan.FromHours(21);

    public TimeSpan CallingHoursFrom { get; set; } = LegalFrom;

    public TimeSpan CallingHoursTo { get; set; } = LegalTo;

    /// <summary>Days (yyyy-MM-dd) on which nobody is called, whatever their country (e.g. <c>Compliance:NoCallDates:0</c> = <c>2026-12-24</c>).</summary>
    public List<string> NoCallDates { get; set; } = [];

    /// <summary>Narrower hours for the customers of one country (e.g. <c>Compliance:Countries:GB:CallingHoursTo</c>).</summary>
    public Dictionary<string, CountryCallingHours> Countries { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Most attempts per customer in any 24 hours, across all campaigns.</summary>
    public int MaxAttemptsPerCustomerPerDay { get; set; } = 3;

    /// <summary>Most attempts per customer in any 7 days, across all campaigns.</summary>
    public int MaxAttemptsPerCustomerPerWeek { get; set; } = 7;

    /// <summary>
    /// The zone a campaign counts its days in (daily budgets) and shows times in when it has none of its own. Never used
    /// to place a customer: one whose time zone cannot be known is not called.
    /// </summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>
    /// Lets an informational campaign call a customer outside the US who has no consent on record (where the law there
    /// allows it); the decision log says so for each such call. Never relaxes marketing calls or calls to the US.
    /// </summary>
    public bool RelaxInformationalConsentOutsideUs { get; set; }

    /// <summary>How long dial decisions are kept (<c>Compliance:DecisionRetentionDays</c>), five years by default.</summary>
    public int DecisionRetentionDays { get; set; } = 1826;

    /// <summary>Time zones of areas, for customers imported without one (e.g. <c>Compliance:AreaTimeZones:Riverside</c>).</summary>
    public Dictionary<string, string> AreaTimeZones { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An answered call whose agent is first heard later than this after the answer (or never) is abandoned.</summary>
    public int AbandonAfterMs { get; set; } = 2000;

    /// <summary>The abandoned share of a campaign's answered calls over 30 days at which it pauses itself (3% by default).</summary>
    public double MaxAbandonRate { get; set; } = 0.03;

    /// <summary>Answered calls in the 30 days before the abandon rate can pause a campaign: one early silence is not a rate.</summary>
    public int AbandonMinAnsweredCalls { get; set; } = 20;
}

/// <summary>Hours and days to call one country's customers; they narrow that country's legal hours and never widen them.</summary>
public sealed class CountryCallingHours
{
    public TimeSpan? CallingHoursFrom { get; set; }

    public TimeSpan? CallingHoursTo { get; set; }

    /// <summary>Days (yyyy-MM-dd) on which the country's customers are not called, besides its public holidays (regional holidays, closures).</summary>
    public List<string> NoCallDates { get; set; } = [];
}

/// <summary>Refuses to start with a no-call date that is not a date (or an abandon limit out of range), naming the key and the value.</summary>
public sealed class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
    {
        var errors = Invalid("Compliance:NoCallDates", options.NoCallDates)
            .Concat(options.Countries.SelectMany(c => Invalid($"Compliance:Countries:{c.Key}:NoCallDates", c.Value.NoCallDates)))
            .Concat(options.Countries.Keys.Where(code => !KnownCountries.Contains(code))
                .Select(code => $"Compliance:Countries:{code}: '{code}' is not a country code (ISO 3166-1 alpha-2, e.g. GB, FR)"))
            .Concat(options.AreaTimeZones.Where(a => !TimeZoneInfo.TryFindSystemTimeZoneById(a.Value, out _))
                .Select(a => $"Compliance:AreaTimeZones:{a.Key}: '{a.Value}' is not a known time zone (IANA, e.g. Europe/Lisbon)"))
            .Concat(options.DecisionRetentionDays < 1 ? ["Compliance:DecisionRetentionDays: must be 1 or more"] : [])
            .Concat(options.AbandonAfterMs < 1 ? [$"Compliance:AbandonAfterMs: '{options.AbandonAfterMs}' must be 1 or more (milliseconds)"] : [])
            .Concat(options.MaxAbandonRate is <= 0 or > 1 || double.IsNaN(options.MaxAbandonRate)
                ? [$"Compliance:MaxAbandonRate: '{options.MaxAbandonRate.ToString(CultureInfo.InvariantCulture)}' must be more than 0 and at most 1 (0.03 is 3%)"]
                : [])
            .Concat(options.AbandonMinAnsweredCalls < 1 ? [$"Compliance:AbandonMinAnsweredCalls: '{options.AbandonMinAnsweredCalls}' must be 1 or more"] : [])
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static readonly HashSet<string> KnownCountries =
        new(PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The dates of a list that read as yyyy-MM-dd.</summary>
    public static IEnumerable<DateOnly> Dates(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                yield return date;
            }
        }
    }

    private static IEnumerable<string> Invalid(string key, List<string> values) =>
        values.Select((value, i) => (value, i))
            .Where(v => !Dates([v.value]).Any())
            .Select(v => $"{key}:{v.i}: '{v.value}' is not a date (yyyy-MM-dd)");
}
