using System.Globalization;
using Campaign.Abstractions.Storage;
using Microsoft.Data.Sqlite;

namespace Campaign.Storage.Sqlite;

/// <summary>Campaign work lists in the embedded SQLite file. Times are Unix milliseconds.</summary>
public sealed class SqliteWorkListStore(SqliteDatabase database) : IWorkListStore
{
    public Task<int> SnapshotAsync(string campaignId, IReadOnlyList<AudiencePart> parts, ICallingPlaces places, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            // The place needs the phone number parsed (libphonenumber), so SQLite calls back into it for each customer.
            connection.CreateFunction<string?, string?, string?, string?, string>(
                "calling_place", (zone, phone, area, state) => places.KeyOf(zone, phone, area, state), isDeterministic: true);
            foreach (var part in parts)
            {
                var (where, parameters) = CriteriaSqlCompiler.Compile(part.Criteria, now);
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"""
                    INSERT OR IGNORE INTO campaign_work (campaign_id, seq, customer_id, segment_id, time_zone, state, attempts, due_at, last_result, updated_at)
                    SELECT $campaign, p.pk, p.id, $segment, p.place, CASE p.place WHEN '' THEN 'Skipped' ELSE 'Pending' END, 0, $now,
                        CASE p.place WHEN '' THEN $unknownZone END, $now
                    FROM (SELECT c.pk, c.id, calling_place(c.time_zone, c.phone, c.area,
                            (SELECT a.value FROM customer_attributes a WHERE a.customer_pk = c.pk AND a.name = 'state')) AS place
                          FROM customers c WHERE {where}) p
                    """;
                foreach (var (name, value) in parameters)
                {
                    insert.Parameters.AddWithValue(name, value);
                }

                insert.Parameters.AddWithValue("$unknownZone", IWorkListStore.TimeZoneUnknown);
                insert.Parameters.AddWithValue("$campaign", campaignId);
                insert.Parameters.AddWithValue("$segment", (object?)part.SegmentId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT count(*) FROM campaign_work WHERE campaign_id = $campaign";
            count.Parameters.AddWithValue("$campaign", campaignId);
            return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }, cancellationToken);

    public Task<IReadOnlyList<WorkItem>> NextDueAsync(string campaignId, DateTimeOffset now, IReadOnlyCollection<string> openZones, int limit, CancellationToken cancellationToken = default)
    {
        if (openZones.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<WorkItem>>([]);
        }

        var zones = string.Join(", ", openZones.Select((_, i) => $"$zone{i}"));
        return QueryItemsAsync(
            $"state = 'Pending' AND due_at <= $now AND time_zone IN ({zones}) ORDER BY due_at, seq LIMIT $limit",
            campaignId,
            command =>
            {
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$limit", limit);
                var i = 0;
                foreach (var zone in openZones)
                {
                    command.Parameters.AddWithValue($"$zone{i++}", zone);
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, int>> DueByZoneAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyDictionary<string, int>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT time_zone, count(*) FROM campaign_work
                WHERE campaign_id = $campaign AND state = 'Pending' AND due_at <= $now GROUP BY time_zone
                """;
            command.Parameters.AddWithValue("$campaign", campaignId);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            var counts = new Dictionary<string, int>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }

            return counts;
        });

    public Task<IReadOnlyList<string>> PendingZonesAsync(string campaignId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT time_zone FROM campaign_work WHERE campaign_id = $campaign AND state = 'Pending'";
            command.Parameters.AddWithValue("$campaign", campaignId);
            var zones = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                zones.Add(reader.GetString(0));
            }

            return zones;
        });

    public Task<IReadOnlyList<WorkItem>> InCallAsync(string campaignId, CancellationToken cancellationToken = default) =>
        QueryItemsAsync("state = 'InCall' ORDER BY seq", campaignId, _ => { }, cancellationToken);

    public Task<IReadOnlyList<WorkItem>> PendingAsync(string campaignId, int limit, CancellationToken cancellationToken = default) =>
        QueryItemsAsync("state = 'Pending' ORDER BY due_at, seq LIMIT $limit", campaignId, command => command.Parameters.AddWithValue("$limit", limit), cancellationToken);

    public Task<DateTimeOffset?> NextDueAtAsync(string campaignId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT min(due_at) FROM campaign_work WHERE campaign_id = $campaign AND state = 'Pending'";
            command.Parameters.AddWithValue("$campaign", campaignId);
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        });

    public Task<bool> MarkDialingAsync(string campaignId, long seq, string callId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE campaign_work SET state = 'InCall', call_id = $call, updated_at = $now
                WHERE campaign_id = $campaign AND seq = $seq AND state = 'Pending'
                """;
            command.Parameters.AddWithValue("$call", callId);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$campaign", campaignId);
            command.Parameters.AddWithValue("$seq", seq);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public Task<bool> SettleAsync(string campaignId, long seq, string callId, WorkItemState state, string? result, DateTimeOffset? dueAt, bool countAttempt, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE campaign_work SET state = $state, last_result = coalesce($result, last_result), due_at = coalesce($due, due_at),
                    attempts = attempts + $count, updated_at = $now
                WHERE campaign_id = $campaign AND seq = $seq AND state = 'InCall' AND call_id = $call
                """;
            command.Parameters.AddWithValue("$state", state.ToString());
            command.Parameters.AddWithValue("$result", (object?)result ?? DBNull.Value);
            command.Parameters.AddWithValue("$due", (object?)dueAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.Parameters.AddWithValue("$count", countAttempt ? 1 : 0);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$campaign", campaignId);
            command.Parameters.AddWithValue("$seq", seq);
            command.Parameters.AddWithValue("$call", callId);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public Task<bool> DeferAsync(string campaignId, long seq, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE campaign_work SET last_result = $result, due_at = $due, updated_at = $now
                WHERE campaign_id = $campaign AND seq = $seq AND state = 'Pending'
                """;
            command.Parameters.AddWithValue("$result", reason);
            command.Parameters.AddWithValue("$due", dueAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$campaign", campaignId);
            command.Parameters.AddWithValue("$seq", seq);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public Task<int> CancelPendingAsync(string campaignId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE campaign_work SET state = 'Cancelled', updated_at = $now WHERE campaign_id = $campaign AND state = 'Pending'";
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$campaign", campaignId);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<WorkListCounts> CountAsync(string campaignId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT count(*),
                       coalesce(sum(state = 'Pending'), 0),
                       coalesce(sum(state = 'Pending' AND due_at <= $now), 0),
                       coalesce(sum(state = 'Pending' AND attempts > 0), 0),
                       coalesce(sum(state = 'InCall'), 0),
                       coalesce(sum(state = 'Done'), 0),
                       coalesce(sum(state = 'Skipped'), 0),
                       coalesce(sum(state = 'Cancelled'), 0)
                FROM campaign_work WHERE campaign_id = $campaign
                """;
            command.Parameters.AddWithValue("$campaign", campaignId);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            int At(int i) => reader.GetInt32(i);
            return new WorkListCounts(At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7));
        });

    public Task<IReadOnlyList<string>> SkippedCustomersAsync(string campaignId, string reason, int skip, int take, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT customer_id FROM campaign_work
                WHERE campaign_id = $campaign AND state = 'Skipped' AND last_result = $reason
                ORDER BY seq LIMIT $take OFFSET $skip
                """;
            command.Parameters.AddWithValue("$campaign", campaignId);
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", skip);
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        });

    public Task<IReadOnlyDictionary<string, int>> SkippedByReasonAsync(string campaignId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyDictionary<string, int>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT coalesce(last_result, 'unknown'), count(*) FROM campaign_work
                WHERE campaign_id = $campaign AND state = 'Skipped' GROUP BY 1
                """;
            command.Parameters.AddWithValue("$campaign", campaignId);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }

            return counts;
        });

    private Task<IReadOnlyList<WorkItem>> QueryItemsAsync(string condition, string campaignId, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<WorkItem>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT seq, customer_id, segment_id, state, attempts, due_at, call_id, time_zone, last_result
                FROM campaign_work WHERE campaign_id = $campaign AND {condition}
                """;
            command.Parameters.AddWithValue("$campaign", campaignId);
            bind(command);
            var items = new List<WorkItem>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new WorkItem(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    Enum.Parse<WorkItemState>(reader.GetString(3)),
                    reader.GetInt32(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8)));
            }

            return items;
        });
}
