using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;

namespace Campaign.Storage.Sqlite;

/// <summary>
/// Orleans reminders in the embedded SQLite file, so they survive a restart. Each row carries an integer etag that
/// changes on every upsert; a remove succeeds only with the current etag.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period_ms, etag";

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync("grain_id = $grain", [new("$grain", grainId.ToString())], cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>Rows whose grain hash lies in the ring range (begin, end]; when begin &gt;= end the range wraps past zero.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        QueryAsync(
            begin < end ? "grain_hash > $begin AND grain_hash <= $end" : "grain_hash > $begin OR grain_hash <= $end",
            [new("$begin", (long)begin), new("$end", (long)end)],
            cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "grain_id = $grain AND reminder_name = $name",
            [new("$grain", grainId.ToString()), new("$name", reminderName)],
            cancellationToken);

        return rows.Reminders.SingleOrDefault();
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var etag = await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, """
                INSERT INTO reminders (grain_id, reminder_name, grain_hash, start_at, period_ms, etag)
                VALUES ($grain, $name, $hash, $start, $period, $fresh)
                ON CONFLICT (grain_id, reminder_name) DO UPDATE SET
                    grain_hash = $hash, start_at = $start, period_ms = $period, etag = etag + 1
                RETURNING etag
                """);
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start", ToUnixMilliseconds(entry.StartAt));
            command.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);

            // A new row starts from a random etag, so a handle kept from a deleted reminder of the same name
            // cannot remove the reminder that replaced it.
            command.Parameters.AddWithValue("$fresh", Random.Shared.NextInt64(1, long.MaxValue / 2));
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

        return FormatEtag(etag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var etag))
        {
            return false;
        }

        var removed = await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction,
                "DELETE FROM reminders WHERE grain_id = $grain AND reminder_name = $name AND etag = $etag");
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$etag", etag);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

        return removed == 1;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, "DELETE FROM reminders");
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private Task<ReminderTableData> QueryAsync(string where, KeyValuePair<string, object>[] parameters, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM reminders WHERE {where}";
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var entries = new List<ReminderEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0)),
                    ReminderName = reader.GetString(1),
                    StartAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)).UtcDateTime,
                    Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                    ETag = FormatEtag(reader.GetInt64(4)),
                });
            }

            return new ReminderTableData(entries);
        });

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    // Orleans hands over UTC times, but a provider must not shift an unspecified time by the local offset.
    private static long ToUnixMilliseconds(DateTime time) =>
        new DateTimeOffset(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc))
            .ToUnixTimeMilliseconds();

    private static string FormatEtag(long etag) => etag.ToString(CultureInfo.InvariantCulture);
}
