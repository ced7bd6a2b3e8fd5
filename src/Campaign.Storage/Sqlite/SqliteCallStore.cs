using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telemetry;
using Microsoft.Data.Sqlite;

namespace Campaign.Storage.Sqlite;

/// <summary>Finished calls in the embedded SQLite file: the whole record as JSON plus columns for statistics.</summary>
public sealed class SqliteCallStore(SqliteDatabase database) : ICallStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task SaveAsync(CallRecord record, CancellationToken cancellationToken = default)
    {
        using var span = CampaignTelemetry.StartStoreWrite(record.Id, "sqlite");
        await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT OR REPLACE INTO calls (call_id, campaign_id, customer_id, segment_id, attempt, result, started_at, answered_at, ended_at,
                    interest, follow_up, opted_out, local_hour, weekday, record_json, first_audio_ms, abandoned)
                VALUES ($id, $campaign, $customer, $segment, $attempt, $result, $started, $answered, $ended,
                    $interest, $followUp, $optedOut, $hour, $weekday, $json, $firstAudio, $abandoned)
                """;
            var p = command.Parameters;
            p.AddWithValue("$id", record.Id);
            p.AddWithValue("$campaign", record.CampaignId);
            p.AddWithValue("$customer", record.CustomerId);
            p.AddWithValue("$segment", (object?)record.SegmentId ?? DBNull.Value);
            p.AddWithValue("$attempt", record.Attempt);
            p.AddWithValue("$result", (object?)record.Result?.ToString() ?? DBNull.Value);
            p.AddWithValue("$started", (object?)record.StartedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            p.AddWithValue("$answered", (object?)record.AnsweredAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            p.AddWithValue("$ended", (object?)record.EndedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            p.AddWithValue("$interest", (object?)record.Outcome?.Interest.ToString() ?? DBNull.Value);
            p.AddWithValue("$followUp", (object?)record.Outcome?.FollowUp.Kind.ToString() ?? DBNull.Value);
            p.AddWithValue("$optedOut", record.Outcome?.OptedOut == true ? 1 : 0);
            p.AddWithValue("$hour", (object?)(record.LocalHour ?? record.Outcome?.LocalHour) ?? DBNull.Value);
            p.AddWithValue("$weekday", (object?)(int?)(record.LocalWeekday ?? record.Outcome?.Weekday) ?? DBNull.Value);
            p.AddWithValue("$json", JsonSerializer.Serialize(record, Json));
            p.AddWithValue("$firstAudio", (object?)record.FirstAudioMs ?? DBNull.Value);
            p.AddWithValue("$abandoned", record.Abandoned ? 1 : 0);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task<CallRecord?> GetAsync(string callId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT record_json FROM calls WHERE call_id = $id";
            command.Parameters.AddWithValue("$id", callId);
            return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<CallRecord>(json, Json) : null;
        });

    public Task<bool> ExistsAsync(string callId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM calls WHERE call_id = $id";
            command.Parameters.AddWithValue("$id", callId);
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        });

    public Task<IReadOnlyList<string>> WithTranscriptEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT call_id FROM calls
                WHERE ended_at < $cutoff AND record_json NOT LIKE '%"transcript":[]%'
                ORDER BY ended_at LIMIT $limit
                """;
            command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$limit", limit);
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        });

    public Task<CallPage> ListAsync(string campaignId, int skip, int take, CancellationToken cancellationToken = default) =>
        ListAsync(campaignId, CallFilter.None, skip, take, cancellationToken);

    /// <summary>One count and one page read, both on the campaign's index; the customer set goes in as one JSON array.</summary>
    public Task<CallPage> ListAsync(string campaignId, CallFilter filter, int skip, int take, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var where = new List<string> { "campaign_id = $campaign" };
            void Bind(SqliteCommand command)
            {
                command.Parameters.AddWithValue("$campaign", campaignId);
                if (filter.Result is { } result)
                {
                    command.Parameters.AddWithValue("$result", result.ToString());
                }

                if (filter.Interest is { } interest)
                {
                    command.Parameters.AddWithValue("$interest", interest.ToString());
                }

                if (filter.FollowUp is { } followUp)
                {
                    command.Parameters.AddWithValue("$followUp", followUp.ToString());
                }

                if (filter.CustomerIds is { } ids)
                {
                    command.Parameters.AddWithValue("$customers", JsonSerializer.Serialize(ids));
                }
            }

            if (filter.Result is not null)
            {
                where.Add("result = $result");
            }

            if (filter.Interest is not null)
            {
                where.Add("interest = $interest");
            }

            if (filter.FollowUp is not null)
            {
                where.Add("follow_up = $followUp");
            }

            if (filter.CustomerIds is not null)
            {
                where.Add("customer_id IN (SELECT value FROM json_each($customers))");
            }

            var condition = string.Join(" AND ", where);
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM calls WHERE {condition}";
            Bind(count);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT record_json FROM calls WHERE {condition} ORDER BY started_at DESC, call_id LIMIT $take OFFSET $skip";
            Bind(command);
            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", Math.Max(0, skip));
            var items = new List<CallRecord>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(JsonSerializer.Deserialize<CallRecord>(reader.GetString(0), Json)!);
            }

            return new CallPage(total, items);
        });

    public Task<IReadOnlyList<CallRecord>> FollowUpsAsync(string campaignId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<CallRecord>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT c.record_json FROM calls c
                WHERE c.campaign_id = $campaign AND c.result = 'Answered' AND c.follow_up IN ('MoreInfo', 'Callback', 'LeaveAlone')
                  AND NOT EXISTS (
                    SELECT 1 FROM calls l
                    WHERE l.campaign_id = c.campaign_id AND l.customer_id = c.customer_id AND l.result = 'Answered'
                      AND (l.started_at > c.started_at OR (l.started_at = c.started_at AND l.call_id > c.call_id)))
                ORDER BY c.ended_at DESC, c.call_id
                """;
            command.Parameters.AddWithValue("$campaign", campaignId);
            var items = new List<CallRecord>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(JsonSerializer.Deserialize<CallRecord>(reader.GetString(0), Json)!);
            }

            return items;
        });

    public Task<CampaignTally> TallyAsync(string campaignId, IReadOnlySet<string> excluding, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var tally = new CampaignTally();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT call_id, segment_id, result, interest, follow_up, local_hour, weekday,
                       CASE WHEN json_array_length(record_json, '$.outcome.concerns') > 0 THEN json_extract(record_json, '$.outcome.concerns') END,
                       CASE WHEN json_array_length(record_json, '$.outcome.concerns') > 0 THEN json_extract(record_json, '$.outcome.concernQuotes') END
                FROM calls WHERE campaign_id = $campaign
                ORDER BY ended_at DESC, call_id
                """;
            command.Parameters.AddWithValue("$campaign", campaignId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var callId = reader.GetString(0);
                if (excluding.Contains(callId))
                {
                    continue;
                }

                tally.Add(new CallFacts(
                    callId,
                    Text(reader, 1),
                    Text(reader, 2),
                    Text(reader, 3),
                    Text(reader, 4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : (DayOfWeek)reader.GetInt32(6),
                    reader.IsDBNull(7) ? [] : JsonSerializer.Deserialize<List<string>>(reader.GetString(7), Json)!,
                    reader.IsDBNull(8) ? null : JsonSerializer.Deserialize<List<ConcernQuote>>(reader.GetString(8), Json)));
            }

            return tally;
        });

    /// <summary>One pass over the start-time index reading only columns, row by row.</summary>
    public async IAsyncEnumerable<InsightCall> InsightCallsAsync(
        DateTimeOffset? from, DateTimeOffset? until, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT customer_id, segment_id, started_at, result, interest, follow_up, opted_out, local_hour, weekday
            FROM calls WHERE started_at IS NOT NULL AND started_at >= $from AND started_at < $until
            """;
        command.Parameters.AddWithValue("$from", from?.ToUnixTimeMilliseconds() ?? long.MinValue);
        command.Parameters.AddWithValue("$until", until?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new InsightCall(
                reader.GetString(0),
                Text(reader, 1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                Enum.TryParse<CallResult>(Text(reader, 3), out var result) ? result : null,
                Enum.TryParse<Interest>(Text(reader, 4), out var interest) ? interest : null,
                Enum.TryParse<FollowUpKind>(Text(reader, 5), out var followUp) ? followUp : null,
                reader.GetInt64(6) != 0,
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : (DayOfWeek)reader.GetInt32(8));
        }
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    public Task<(int Calls, double Minutes)> UsageSinceAsync(string campaignId, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT count(*), coalesce(sum(CASE WHEN answered_at IS NOT NULL THEN ended_at - answered_at ELSE 0 END), 0)
                FROM calls WHERE campaign_id = $campaign AND started_at >= $since
                """;
            command.Parameters.AddWithValue("$campaign", campaignId);
            command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return (reader.GetInt32(0), reader.GetInt64(1) / 60_000d);
        });
}
