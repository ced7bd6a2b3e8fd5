using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Campaign.Tests.Storage;

public sealed class SqliteAddedColumnsTests : IDisposable
{
    private readonly TempDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_file_from_before_first_audio_was_recorded_gains_the_columns_and_keeps_its_calls()
    {
        using (var old = new SqliteConnection($"Data Source={_file.Path}"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE calls (call_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, customer_id TEXT NOT NULL, segment_id TEXT,
                    attempt INTEGER NOT NULL, result TEXT, started_at INTEGER, answered_at INTEGER, ended_at INTEGER, interest TEXT,
                    follow_up TEXT, opted_out INTEGER NOT NULL DEFAULT 0, local_hour INTEGER, weekday INTEGER, record_json TEXT NOT NULL);
                INSERT INTO calls (call_id, campaign_id, customer_id, attempt, result, record_json)
                VALUES ('old-1', 'camp-old', 'cust-1', 1, 'Answered', '{"id":"old-1","campaignId":"camp-old","customerId":"cust-1","attempt":1,"status":"Ended","result":"Answered","transcript":[]}');
                """;
            create.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var store = new SqliteCallStore(_file.Open());
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        await store.SaveAsync(new CallRecord("new-1", "camp-old", "cust-2", null, 1, CallStatus.Ended, CallResult.Answered, at, at, at.AddMinutes(1),
            [], null, null, FirstAudioMs: 2500, Abandoned: true));

        var oldCall = await store.GetAsync("old-1");
        var newCall = await store.GetAsync("new-1");
        Assert.Equal(((int?)null, false), (oldCall!.FirstAudioMs, oldCall.Abandoned));
        Assert.Equal((2500, true), (newCall!.FirstAudioMs, newCall.Abandoned));
        using var check = new SqliteConnection($"Data Source={_file.Path}");
        check.Open();
        using var query = check.CreateCommand();
        query.CommandText = "SELECT call_id, first_audio_ms, abandoned FROM calls ORDER BY call_id";
        using var reader = query.ExecuteReader();
        var rows = new List<(string, long?, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2)));
        }

        Assert.Equal([("new-1", 2500L, 1L), ("old-1", null, 0L)], rows);
    }
}
