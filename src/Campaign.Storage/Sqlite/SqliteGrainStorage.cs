using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace Campaign.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded SQLite file: one row per grain and state name, with an integer
/// etag for optimistic concurrency. A write made with a stale etag throws <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer, TimeProvider clock) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = await database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT etag, data FROM grain_state WHERE state_name = $state AND grain_id = $grain";
            command.Parameters.AddWithValue("$state", stateName);
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? new StoredRow(reader.GetInt64(0), (byte[])reader.GetValue(1)) : null;
        });

        if (row is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = serializer.Deserialize<T>(new BinaryData(row.Data));
        grainState.ETag = row.Etag.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State).ToArray();
        var expected = ParseEtag(grainState.ETag);
        var next = await database.WriteAsync(async (connection, transaction) =>
        {
            var current = await CurrentEtagAsync(connection, transaction, stateName, grainId);
            if (current != expected)
            {
                throw Inconsistent(stateName, grainId, expected, current);
            }

            var nextEtag = (current ?? 0) + 1;
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO grain_state (state_name, grain_id, etag, data, updated_at)
                VALUES ($state, $grain, $etag, $data, $now)
                ON CONFLICT (state_name, grain_id) DO UPDATE SET etag = $etag, data = $data, updated_at = $now
                """;
            command.Parameters.AddWithValue("$state", stateName);
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$etag", nextEtag);
            command.Parameters.AddWithValue("$data", data);
            command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeSeconds());
            await command.ExecuteNonQueryAsync();
            return nextEtag;
        });

        grainState.ETag = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ParseEtag(grainState.ETag);
        await database.WriteAsync(async (connection, transaction) =>
        {
            var current = await CurrentEtagAsync(connection, transaction, stateName, grainId);
            if (current != expected)
            {
                throw Inconsistent(stateName, grainId, expected, current);
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain";
            command.Parameters.AddWithValue("$state", stateName);
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            return await command.ExecuteNonQueryAsync();
        });

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static async Task<long?> CurrentEtagAsync(SqliteConnection connection, SqliteTransaction transaction, string stateName, GrainId grainId)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        var value = await command.ExecuteScalarAsync();
        return value is null ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record StoredRow(long Etag, byte[] Data);

    private static long? ParseEtag(string? etag) =>
        etag is null ? null : long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture);

    private static InconsistentStateException Inconsistent(string stateName, GrainId grainId, long? expected, long? current) =>
        new($"State '{stateName}' of {grainId} was changed by another writer (expected etag {expected?.ToString() ?? "none"}, stored {current?.ToString() ?? "none"}).",
            current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none",
            expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
}
