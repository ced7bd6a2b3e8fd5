using System.Globalization;
using System.Text;
using Campaign.Abstractions.Calls;

namespace Campaign.Host.Api;

/// <summary>Finished calls as RFC 4180 CSV, one row per call, for spreadsheets.</summary>
internal static class CallsCsv
{
    private static readonly string[] Header =
        ["callId", "customerId", "segmentId", "attempt", "result", "startedAt", "answeredAt", "endedAt", "localHour", "localWeekday",
         "interest", "concerns", "followUp", "followUpAt", "optedOut", "summary", "note", "firstAudioMs", "abandoned"];

    public static string Write(IEnumerable<CallRecord> calls)
    {
        var csv = new StringBuilder();
        CsvText.AppendRow(csv, Header);
        foreach (var call in calls)
        {
            var outcome = call.Outcome;
            CsvText.AppendRow(csv,
            [
                call.Id, call.CustomerId, call.SegmentId, call.Attempt.ToString(CultureInfo.InvariantCulture), call.Result?.ToString(),
                Time(call.StartedAt), Time(call.AnsweredAt), Time(call.EndedAt), call.LocalHour?.ToString(CultureInfo.InvariantCulture),
                call.LocalWeekday?.ToString(), outcome?.Interest.ToString(), outcome is null ? null : string.Join("; ", outcome.Concerns),
                outcome?.FollowUp.Kind.ToString(), Time(outcome?.FollowUp.At), outcome?.OptedOut.ToString(), outcome?.Summary, call.Note,
                call.FirstAudioMs?.ToString(CultureInfo.InvariantCulture), call.Abandoned.ToString(),
            ]);
        }

        return csv.ToString();
    }

    private static string? Time(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);
}
