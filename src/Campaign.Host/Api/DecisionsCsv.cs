using System.Globalization;
using System.Text;
using Campaign.Abstractions.Compliance;

namespace Campaign.Host.Api;

/// <summary>Dial decisions as RFC 4180 CSV, one row per decision; the reasons as <c>rule: detail</c>, separated by " | ".</summary>
internal static class DecisionsCsv
{
    public static string Header { get; } = Row(["at", "campaignId", "customerId", "callId", "decision", "rules", "reasons", "zone", "localTime", "jurisdiction"]);

    public static string Row(DialDecision decision) => Row(
    [
        decision.At.ToString("O", CultureInfo.InvariantCulture), decision.CampaignId, decision.CustomerId, decision.CallId,
        decision.Decision.ToString().ToLowerInvariant(), string.Join(' ', decision.Reasons.Select(r => r.Rule)),
        string.Join(" | ", decision.Reasons.Select(r => $"{r.Rule}: {r.Detail}")), decision.Zone,
        decision.LocalTime?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), decision.Jurisdiction,
    ]);

    private static string Row(string?[] fields)
    {
        var csv = new StringBuilder();
        CsvText.AppendRow(csv, fields);
        return csv.ToString();
    }
}
