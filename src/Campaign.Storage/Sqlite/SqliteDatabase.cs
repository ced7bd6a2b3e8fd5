using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Campaign.Storage.Sqlite;

/// <summary>
/// The one SQLite file behind the embedded default. Readers run concurrently (WAL); writers go one at a
/// time through <see cref="WriteAsync{T}"/> so no write ever waits on SQLITE_BUSY, and each write is in one
/// transaction that is either fully on disk or not at all, even when the process is killed.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private const int MaxWritesPerTransaction = 256;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private long _transactions;

    public SqliteDatabase(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        OwnerOnlyFiles.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        // SQLite gives its -wal, -shm and -journal files the database file's mode, so an owner-only file keeps them owner-only too.
        OwnerOnlyFiles.CreateIfMissing(fullPath);
        Path = fullPath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        AddMissingColumns(connection);
        Execute(connection, SqliteSchema.Script);
        Execute(connection, SqliteCampaignSchema.Script);
        foreach (var suffix in OwnerOnlyFiles.SqliteSuffixes)
        {
            OwnerOnlyFiles.Restrict(fullPath + suffix);
        }
    }

    // Per connection; 16 MiB keeps a million-row import's write pass small, and reads are served from the map.
    private const int CacheKiB = 16 * 1024;
    private const long ReadMapBytes = 1L << 30;

    public string Path { get; }

    public SqliteConnection Open() => Open(ReadMapBytes);

    // Readers map the file (segment queries over a million customers run about twice as fast); the writer does not,
    // so a large import touches the file through its bounded page cache and the process does not grow with the
    // database. Pooled connections are reset on each open.
    private SqliteConnection Open(long mapBytes)
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA busy_timeout=30000; PRAGMA cache_size=-{CacheKiB}; PRAGMA temp_store=MEMORY; PRAGMA mmap_size={mapBytes};");
        return connection;
    }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read)
    {
        await using var connection = Open();
        return await read(connection);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of the single writer. Writes that queue while another is being
    /// written are committed together (group commit): each in its own savepoint, so one that fails is rolled back alone
    /// and its caller gets the exception, while the others are committed; no caller returns before its write is on disk.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken = default)
    {
        var pending = new PendingWrite<T>(write);
        _queue.Enqueue(pending);
        try
        {
            while (!pending.IsDone)
            {
                await _writeLock.WaitAsync(cancellationToken);
                try
                {
                    if (!pending.IsDone)
                    {
                        await WriteQueuedAsync();
                    }
                }
                finally
                {
                    _writeLock.Release();
                }
            }
        }
        catch (OperationCanceledException) when (pending.TryCancel())
        {
            throw;
        }

        return await pending.Result;
    }

    /// <summary>How many writes wait for the writer.</summary>
    internal int Queued => _queue.Count;

    /// <summary>How many write transactions have been committed (each carrying one write or more).</summary>
    internal long Transactions => Interlocked.Read(ref _transactions);

    private async Task WriteQueuedAsync()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxWritesPerTransaction && _queue.TryDequeue(out var next))
        {
            if (next.TryStart())
            {
                batch.Add(next);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var connection = Open(mapBytes: 0);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = $"w{i}";
                await transaction.SaveAsync(savepoint);
                if (await batch[i].RunAsync(connection, transaction))
                {
                    await transaction.ReleaseAsync(savepoint);
                }
                else
                {
                    await transaction.RollbackAsync(savepoint);
                    await transaction.ReleaseAsync(savepoint);
                }
            }

            await transaction.CommitAsync(CancellationToken.None);
            Interlocked.Increment(ref _transactions);
        }
        catch (Exception ex)
        {
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    /// <summary>
    /// Copies the write-ahead log into the file and empties it, so earlier versions of rows (an erased person's) are
    /// nowhere on disk. Best effort while readers are active; the next call finishes the job.
    /// </summary>
    public async Task TruncateLogAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            await using var connection = Open();
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();

    /// <summary>A file written by an earlier version gains the columns added since, empty.</summary>
    private static void AddMissingColumns(SqliteConnection connection)
    {
        foreach (var (table, column, definition) in SqliteSchema.AddedColumns)
        {
            using var info = connection.CreateCommand();
            info.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            var hasTable = Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"), System.Globalization.CultureInfo.InvariantCulture) > 0;
            if (hasTable && Convert.ToInt64(info.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition};");
            }
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
