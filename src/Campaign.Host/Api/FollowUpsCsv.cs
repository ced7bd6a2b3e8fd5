using System.Globalization;
using System.Text;

namespace Campaign.Host.Api;

/// <summary>Follow-ups to do as CSV, one row per customer, with callback times in the customer's own zone.</summary>
internal static class FollowUpsCsv
{
    private static readonly string[] Header =
        ["customerId", "name", "phone", "area", "followUp", "followUpAt", "followUpLocal", "timeZone", "interest", "summary", "callId", "calledAt"];

    public static string Write(IEnumerable<FollowUpResponse> followUps)
    {
        var csv = new StringBuilder();
        CsvText.AppendRow(csv, Header);
        foreach (var f in followUps)
        {
            CsvText.AppendRow(csv,
            [
                f.CustomerId, f.Name, f.Phone, f.Area, Camel(f.Kind.ToString()), Time(f.At), f.LocalAt, f.TimeZone,
                f.Interest is { } interest ? Camel(interest.ToString()) : null, f.Summary, f.CallId, Time(f.CalledAt),
            ]);
        }

        return csv.ToString();
    }

    private static string? Time(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
