using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;
using Campaign.Abstractions.Storage;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// A finished call in its campaign's partition. The row key is the start time counted backwards, then the call id,
/// so a partition reads newest first (calls never started last) and "calls since" is a key range. Besides the whole
/// record as JSON, the columns statistics need are kept apart so they can be read alone.
/// </summary>
internal static class CallRow
{
    public static readonly string[] InsightColumns = ["CustomerId", "SegmentId", "StartedAt", "Result", "Interest", "FollowUp", "OptedOut", "LocalHour", "Weekday"];

    public static readonly string[] StatsColumns = ["CallId", "SegmentId", "Result", "Interest", "FollowUp", "LocalHour", "Weekday", "Concerns", "ConcernQuotes"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Larger than any start time counted backwards.</summary>
    private const string NeverStarted = "9999999999999999999";

    public static string Partition(string campaignId) => TableKeys.Escape(campaignId);

    public static string RowKey(CallRecord record) =>
        TableKeys.Join(record.StartedAt is { } started ? Backwards(started) : NeverStarted, TableKeys.Escape(record.Id));

    /// <summary>The first row key after the calls started at or after <paramref name="since"/>.</summary>
    public static string StartedSinceEnd(DateTimeOffset since) => Backwards(since) + (char)(TableKeys.Separator + 1);

    public static TableEntity Write(CallRecord record)
    {
        var entity = new TableEntity(Partition(record.CampaignId), RowKey(record))
        {
            ["CallId"] = record.Id,
            ["CustomerId"] = record.CustomerId,
            ["SegmentId"] = record.SegmentId,
            ["Result"] = record.Result?.ToString(),
            ["StartedAt"] = record.StartedAt?.ToUnixTimeMilliseconds(),
            ["AnsweredAt"] = record.AnsweredAt?.ToUnixTimeMilliseconds(),
            ["EndedAt"] = record.EndedAt?.ToUnixTimeMilliseconds(),
            ["Interest"] = record.Outcome?.Interest.ToString(),
            ["FollowUp"] = record.Outcome?.FollowUp.Kind.ToString(),
            ["LocalHour"] = record.LocalHour ?? record.Outcome?.LocalHour,
            ["Weekday"] = (int?)(record.LocalWeekday ?? record.Outcome?.Weekday),
            ["Concerns"] = JsonSerializer.Serialize(record.Outcome?.Concerns ?? [], Json),
            ["ConcernQuotes"] = record.Outcome?.ConcernQuotes is { } quotes ? JsonSerializer.Serialize(quotes, Json) : null,
            ["HasTranscript"] = record.Transcript.Count > 0,
            ["FirstAudioMs"] = record.FirstAudioMs,
            ["Abandoned"] = record.Abandoned,
            ["OptedOut"] = record.Outcome?.OptedOut == true,
        };
        TableText.Write(entity, "Record", JsonSerializer.Serialize(record, Json));
        return entity;
    }

    public static CallRecord Read(TableEntity row) => JsonSerializer.Deserialize<CallRecord>(TableText.Read(row, "Record"), Json)!;

    public static CallFacts Facts(TableEntity row) => new(
        row.GetString("CallId"),
        row.GetString("SegmentId"),
        row.GetString("Result"),
        row.GetString("Interest"),
        row.GetString("FollowUp"),
        row.GetInt32("LocalHour"),
        row.GetInt32("Weekday") is { } weekday ? (DayOfWeek)weekday : null,
        Concerns(row),
        ConcernQuotes(row));

    /// <summary>What insights read of a row; rows saved before <c>OptedOut</c> was kept read as not opted out.</summary>
    public static InsightCall Insight(TableEntity row) => new(
        row.GetString("CustomerId") ?? "",
        row.GetString("SegmentId"),
        DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64("StartedAt") ?? 0),
        Enum.TryParse<CallResult>(row.GetString("Result"), out var result) ? result : null,
        Enum.TryParse<Interest>(row.GetString("Interest"), out var interest) ? interest : null,
        Enum.TryParse<FollowUpKind>(row.GetString("FollowUp"), out var followUp) ? followUp : null,
        row.GetBoolean("OptedOut") == true,
        row.GetInt32("LocalHour"),
        row.GetInt32("Weekday") is { } weekday ? (DayOfWeek)weekday : null);

    private static IReadOnlyList<string> Concerns(TableEntity row) =>
        row.GetString("Concerns") is { } json ? JsonSerializer.Deserialize<List<string>>(json, Json)! : [];

    /// <summary>What the customer said for each concern; null on rows written before quotes were kept.</summary>
    private static IReadOnlyList<ConcernQuote>? ConcernQuotes(TableEntity row) =>
        row.GetString("ConcernQuotes") is { } json ? JsonSerializer.Deserialize<List<ConcernQuote>>(json, Json) : null;

    private static string Backwards(DateTimeOffset at) => TableKeys.Number(long.MaxValue - at.ToUnixTimeMilliseconds());
}
