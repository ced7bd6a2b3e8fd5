using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;

namespace Campaign.Grains.Compliance;

/// <summary>
/// Whether a customer's consent covers a campaign's purpose now: marketing needs express written consent, an
/// informational call express consent (written counts too); a record counts from its date until it is revoked, for its
/// scope (empty or <c>all</c>: every call; otherwise the purpose it names).
/// </summary>
public static class ConsentCheck
{
    private static readonly string[] EveryCall = ["", "all", "*", "calls"];

    public static (bool Allowed, string Detail) Evaluate(
        IReadOnlyList<ConsentRecord> records, CampaignPurpose purpose, string? country, bool relaxInformationalOutsideUs, DateTimeOffset now)
    {
        var needed = purpose == CampaignPurpose.Marketing ? ConsentKind.ExpressWritten : ConsentKind.Express;
        var relevant = records.Where(r => Sufficient(r.Kind, needed) && Covers(r.Scope, purpose) && r.At <= now).ToList();
        if (relevant.FirstOrDefault(r => r.RevokedAt is null || r.RevokedAt > now) is { } valid)
        {
            return (true, $"{Describe(valid.Kind)} consent for {ScopeText(valid.Scope)} given {valid.At:yyyy-MM-dd}" + (valid.Source is { Length: > 0 } source ? $" ({source})" : ""));
        }

        var purposeText = purpose == CampaignPurpose.Marketing ? "a marketing call" : "an informational call";
        if (purpose == CampaignPurpose.Informational && relaxInformationalOutsideUs && country is not null && country != "US")
        {
            return (true, $"no consent on record; not required for {purposeText} in {country} (Compliance:RelaxInformationalConsentOutsideUs)");
        }

        var revoked = relevant.Where(r => r.RevokedAt is not null).MaxBy(r => r.RevokedAt);
        return revoked is not null
            ? (false, $"{purposeText} with an artificial voice needs {Describe(needed)} consent; it was revoked {revoked.RevokedAt:yyyy-MM-dd}")
            : (false, $"{purposeText} with an artificial voice needs {Describe(needed)} consent; none is on record");
    }

    public static string Describe(ConsentKind kind) => kind == ConsentKind.ExpressWritten ? "express written" : "express";

    private static bool Sufficient(ConsentKind given, ConsentKind needed) => needed == ConsentKind.Express || given == ConsentKind.ExpressWritten;

    private static bool Covers(string? scope, CampaignPurpose purpose)
    {
        var text = scope?.Trim() ?? "";
        return EveryCall.Contains(text, StringComparer.OrdinalIgnoreCase) || string.Equals(text, purpose.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static string ScopeText(string? scope) => string.IsNullOrWhiteSpace(scope) ? "all calls" : scope.Trim();
}
