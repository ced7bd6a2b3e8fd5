using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Campaign.Tests.Storage;

public class SqliteGroupCommitTests
{
    private static async Task CreateTableAsync(SqliteDatabase database) =>
        await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)";
            return await command.ExecuteNonQueryAsync();
        });

    private static Task<int> InsertAsync(SqliteDatabase database, int id, Func<Task>? before = null, bool fail = false) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (before is not null)
            {
                await before();
            }

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO note (id, text) VALUES ($id, 'x')";
            command.Parameters.AddWithValue("$id", id);
            var rows = await command.ExecuteNonQueryAsync();
            return fail ? throw new InvalidOperationException($"write {id} refused") : rows;
        });

    private static async Task<List<long>> IdsAsync(SqliteDatabase database) =>
        await database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM note ORDER BY id";
            var ids = new List<long>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }

            return ids;
        });

    [Fact]
    public async Task Writes_that_queue_behind_a_write_are_committed_together_and_a_failing_one_alone_is_rolled_back()
    {
        using var temp = new TempDatabase();
        using var database = temp.Open();
        await CreateTableAsync(database);
        var before = database.Transactions;

        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = InsertAsync(database, 0, () => hold.Task);
        var queued = Enumerable.Range(1, 40).Select(id => Task.Run(() => InsertAsync(database, id, fail: id == 13))).ToList();
        await WaitUntilQueuedAsync(database, queued.Count);
        hold.SetResult();

        Assert.Equal(1, await first);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => queued[12]);
        Assert.Equal("write 13 refused", refused.Message);
        foreach (var write in queued.Where((_, i) => i != 12))
        {
            Assert.Equal(1, await write);
        }

        Assert.Equal([.. Enumerable.Range(0, 41).Where(id => id != 13).Select(id => (long)id)], await IdsAsync(database));
        Assert.True(database.Transactions - before < 10, $"{database.Transactions - before} transactions for 41 writes");
    }

    [Fact]
    public async Task A_write_given_up_while_queued_is_never_written()
    {
        using var temp = new TempDatabase();
        using var database = temp.Open();
        await CreateTableAsync(database);

        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = InsertAsync(database, 1, () => hold.Task);
        using var giveUp = new CancellationTokenSource();
        var abandoned = database.WriteAsync(async (connection, transaction) =>
        {
            await InsertRawAsync(connection, transaction, 2);
            return 1;
        }, giveUp.Token);
        await WaitUntilQueuedAsync(database, 1);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        hold.SetResult();
        await first;

        Assert.Equal([1L], await IdsAsync(database));
    }

    private static async Task InsertRawAsync(SqliteConnection connection, SqliteTransaction transaction, int id)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO note (id, text) VALUES ({id}, 'x')";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntilQueuedAsync(SqliteDatabase database, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (database.Queued < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.Equal(count, database.Queued);
    }
}
