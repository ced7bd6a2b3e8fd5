using System.Globalization;
using System.Text.Json;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Microsoft.Data.Sqlite;

namespace Campaign.Storage.Sqlite;

/// <summary>The customer directory in the embedded SQLite file.</summary>
public sealed class SqliteCustomerDirectory(SqliteDatabase database, TimeProvider clock) : ICustomerDirectory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string SummaryColumns =
        "c.id, c.name, c.phone, c.area, c.time_zone, c.tags_json, c.issues_json, c.last_contacted_at, c.last_answered_at, c.last_interest, " +
        "c.pk IN (SELECT customer_pk FROM do_not_call_customers)";

    public Task<UpsertCounts> UpsertAsync(IReadOnlyList<CustomerProfile> customers, CancellationToken cancellationToken = default)
    {
        if (customers.Count == 0)
        {
            return Task.FromResult(new UpsertCounts(0, 0));
        }

        return database.WriteAsync((connection, transaction) => Task.FromResult(
            new CustomerUpsertBatch(connection, transaction, clock.GetUtcNow()).Run(customers)), cancellationToken);
    }

    public Task<CustomerProfile?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT id, name, phone, area, address, time_zone, language, tags_json, attributes_json, issues_json, consent_json
                FROM customers WHERE id = $id
                """;
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new CustomerProfile(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                NullableString(reader, 3),
                NullableString(reader, 4),
                NullableString(reader, 5),
                NullableString(reader, 6),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(7), Json)!,
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(8), Json)!,
                JsonSerializer.Deserialize<List<CustomerIssue>>(reader.GetString(9), Json)!,
                ConsentJson.Read(NullableString(reader, 10)));
        });

    public async Task<bool> EraseAsync(string id, CancellationToken cancellationToken = default)
    {
        var erased = await database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                DELETE FROM do_not_call_customers WHERE customer_pk = (SELECT pk FROM customers WHERE id = $id);
                DELETE FROM customers WHERE id = $id;
                """;
            command.Parameters.AddWithValue("$id", id);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

        // Deleted rows are zeroed (secure_delete); the write-ahead log still holds their earlier pages until it is
        // checkpointed and truncated.
        await database.TruncateLogAsync();
        return erased;
    }

    public Task<bool> SetConsentAsync(string id, IReadOnlyList<ConsentRecord> consent, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE customers SET consent_json = $consent, updated_at = $now WHERE id = $id";
            command.Parameters.AddWithValue("$consent", ConsentJson.Write(consent));
            command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeSeconds());
            command.Parameters.AddWithValue("$id", id);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    public Task<IReadOnlyList<ContactAttempt>> GetContactHistoryAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ContactAttempt>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT a.campaign_id, a.call_id, a.at, a.result, a.interest, a.follow_up
                FROM contact_attempts a JOIN customers c ON c.pk = a.customer_pk
                WHERE c.id = $id ORDER BY a.at, a.call_id
                """;
            command.Parameters.AddWithValue("$id", id);
            var history = new List<ContactAttempt>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                history.Add(new ContactAttempt(
                    reader.GetString(0),
                    reader.GetString(1),
                    DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2)),
                    Enum.Parse<CallResult>(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : Enum.Parse<Interest>(reader.GetString(4)),
                    reader.IsDBNull(5) ? null : Enum.Parse<FollowUpKind>(reader.GetString(5))));
            }

            return history;
        });

    public Task<int> CountAttemptsSinceAsync(string id, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT count(*) FROM contact_attempts a JOIN customers c ON c.pk = a.customer_pk WHERE c.id = $id AND a.at >= $since
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$since", since.ToUnixTimeSeconds());
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        });

    public Task<bool> RecordContactAsync(string customerId, ContactAttempt attempt, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var at = attempt.At.ToUnixTimeSeconds();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO contact_attempts (call_id, customer_pk, campaign_id, at, result, interest, follow_up)
                SELECT $call, pk, $campaign, $at, $result, $interest, $followUp FROM customers WHERE id = $id
                ON CONFLICT (call_id) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$call", attempt.CallId);
            insert.Parameters.AddWithValue("$campaign", attempt.CampaignId);
            insert.Parameters.AddWithValue("$at", at);
            insert.Parameters.AddWithValue("$result", attempt.Result.ToString());
            insert.Parameters.AddWithValue("$interest", (object?)attempt.Interest?.ToString() ?? DBNull.Value);
            insert.Parameters.AddWithValue("$followUp", (object?)attempt.FollowUp?.ToString() ?? DBNull.Value);
            insert.Parameters.AddWithValue("$id", customerId);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }

            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE customers SET
                    last_contacted_at = max(coalesce(last_contacted_at, 0), $at),
                    last_answered_at = CASE WHEN $answered THEN max(coalesce(last_answered_at, 0), $at) ELSE last_answered_at END,
                    last_interest = CASE WHEN $interest IS NOT NULL AND $at >= coalesce(last_answered_at, 0) THEN $interest ELSE last_interest END
                WHERE id = $id
                """;
            update.Parameters.AddWithValue("$at", at);
            update.Parameters.AddWithValue("$answered", attempt.Result == CallResult.Answered);
            update.Parameters.AddWithValue("$interest", attempt.Interest is null or Interest.Unknown ? DBNull.Value : attempt.Interest.ToString()!);
            update.Parameters.AddWithValue("$id", customerId);
            await update.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<CustomerPage> QueryAsync(SegmentCriteria criteria, int skip, int take, bool includeDoNotCall = false, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
        {
            var (where, parameters) = CriteriaSqlCompiler.Compile(criteria, clock.GetUtcNow(), excludeDoNotCall: !includeDoNotCall);
            return PageAsync(connection, where, parameters, "c.pk", skip, take, cancellationToken);
        });

    public Task<CustomerPage> SearchAsync(CustomerSearch search, int skip, int take, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
        {
            const string Where = """
                (c.id LIKE $like ESCAPE '\' OR c.name LIKE $like ESCAPE '\'
                 OR ($digits <> '' AND replace(replace(replace(replace(replace(c.phone, '+', ''), ' ', ''), '-', ''), '(', ''), ')', '') LIKE '%' || $digits || '%'))
                """;
            var like = "%" + search.Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            return PageAsync(connection, Where, [new("$like", like), new("$digits", search.Digits)], "c.id", skip, take, cancellationToken);
        });

    private static async Task<CustomerPage> PageAsync(
        SqliteConnection connection, string where, IReadOnlyList<KeyValuePair<string, object>> parameters, string orderBy, int skip, int take, CancellationToken cancellationToken)
    {
        var total = await CountAsync(connection, where, parameters, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SummaryColumns} FROM customers c WHERE {where} ORDER BY {orderBy} LIMIT $take OFFSET $skip";
        AddParameters(command, parameters);
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        var items = new List<CustomerSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadSummary(reader));
        }

        return new CustomerPage(total, items);
    }

    public Task<int> CountAsync(SegmentCriteria criteria, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
        {
            var (where, parameters) = CriteriaSqlCompiler.Compile(criteria, clock.GetUtcNow());
            return CountAsync(connection, where, parameters, cancellationToken);
        });

    public Task<int> CountMissingAsync(SegmentCriteria criteria, CustomerData data, string? attributeName = null, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
        {
            var (where, parameters) = CriteriaSqlCompiler.Compile(criteria, clock.GetUtcNow());
            var missing = data switch
            {
                CustomerData.Area => "(c.area IS NULL OR c.area = '')",
                CustomerData.Address => "(c.address IS NULL OR c.address = '')",
                CustomerData.Issue => "NOT EXISTS (SELECT 1 FROM customer_issues i WHERE i.customer_pk = c.pk)",
                _ => "NOT EXISTS (SELECT 1 FROM customer_attributes a WHERE a.customer_pk = c.pk AND a.name = $attribute AND a.value <> '')",
            };
            var all = parameters.Append(new KeyValuePair<string, object>("$attribute", attributeName ?? "")).ToList();
            return CountAsync(connection, $"{where} AND {missing}", all, cancellationToken);
        });

    public Task<int> CountAllAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM customers";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        });

    public Task<bool> IsDoNotCallAsync(string phone, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM do_not_call WHERE phone = $phone";
            command.Parameters.AddWithValue("$phone", phone);
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        });

    public Task<int> AddDoNotCallAsync(IReadOnlyList<DoNotCallEntry> entries, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO do_not_call (phone, reason, source, at) VALUES ($phone, $reason, $source, $at)
                ON CONFLICT (phone) DO NOTHING
                """;
            var phone = insert.Parameters.Add("$phone", SqliteType.Text);
            var reason = insert.Parameters.Add("$reason", SqliteType.Text);
            var source = insert.Parameters.Add("$source", SqliteType.Text);
            var at = insert.Parameters.Add("$at", SqliteType.Integer);
            var added = 0;
            foreach (var entry in entries)
            {
                phone.Value = entry.Phone;
                reason.Value = (object?)entry.Reason ?? DBNull.Value;
                source.Value = entry.Source;
                at.Value = entry.At.ToUnixTimeSeconds();
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    added++;
                    await MarkCustomersAsync(connection, transaction, entry.Phone, onList: true, cancellationToken);
                    await LogDoNotCallAsync(connection, transaction, "added", entry, cancellationToken);
                }
            }

            return added;
        }, cancellationToken);

    public Task<bool> RemoveDoNotCallAsync(string phone, string source, string? reason = null, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM do_not_call WHERE phone = $phone";
            delete.Parameters.AddWithValue("$phone", phone);
            if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }

            await MarkCustomersAsync(connection, transaction, phone, onList: false, cancellationToken);
            await LogDoNotCallAsync(connection, transaction, "removed", new DoNotCallEntry(phone, reason, source, clock.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<DoNotCallEntry>> ListDoNotCallAsync(int skip, int take, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<DoNotCallEntry>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT phone, reason, source, at FROM do_not_call ORDER BY at DESC, phone LIMIT $take OFFSET $skip";
            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", skip);
            var entries = new List<DoNotCallEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new DoNotCallEntry(reader.GetString(0), NullableString(reader, 1), reader.GetString(2),
                    DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(3))));
            }

            return entries;
        });

    public Task<DoNotCallPage> SearchDoNotCallAsync(CustomerSearch search, int skip, int take, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            const string Where = """
                ($digits <> '' AND replace(phone, '+', '') LIKE '%' || $digits || '%')
                OR source LIKE $like ESCAPE '\' OR reason LIKE $like ESCAPE '\'
                """;
            var like = "%" + search.Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            void Bind(SqliteCommand command)
            {
                command.Parameters.AddWithValue("$digits", search.Digits);
                command.Parameters.AddWithValue("$like", like);
            }

            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM do_not_call WHERE {Where}";
            Bind(count);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT phone, reason, source, at FROM do_not_call WHERE {Where} ORDER BY at DESC, phone LIMIT $take OFFSET $skip";
            Bind(command);
            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", Math.Max(0, skip));
            var entries = new List<DoNotCallEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new DoNotCallEntry(reader.GetString(0), NullableString(reader, 1), reader.GetString(2),
                    DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(3))));
            }

            return new DoNotCallPage(total, entries);
        });

    public Task<int> CountDoNotCallAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM do_not_call";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        });

    public Task<IReadOnlyList<DoNotCallChange>> ListDoNotCallChangesAsync(string? phone, int skip, int take, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<DoNotCallChange>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT phone, action, reason, source, at FROM do_not_call_log
                {(phone is null ? "" : "WHERE phone = $phone")}
                ORDER BY seq DESC LIMIT $take OFFSET $skip
                """;
            if (phone is not null)
            {
                command.Parameters.AddWithValue("$phone", phone);
            }

            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", skip);
            var changes = new List<DoNotCallChange>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var action = reader.GetString(1) == "removed" ? DoNotCallAction.Removed : DoNotCallAction.Added;
                changes.Add(new DoNotCallChange(reader.GetString(0), action, NullableString(reader, 2), reader.GetString(3),
                    DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(4))));
            }

            return changes;
        });

    private static async Task MarkCustomersAsync(SqliteConnection connection, SqliteTransaction transaction, string phone, bool onList, CancellationToken cancellationToken)
    {
        await using var mark = connection.CreateCommand();
        mark.Transaction = transaction;
        mark.CommandText = onList
            ? "INSERT OR IGNORE INTO do_not_call_customers SELECT pk FROM customers WHERE phone = $phone"
            : "DELETE FROM do_not_call_customers WHERE customer_pk IN (SELECT pk FROM customers WHERE phone = $phone)";
        mark.Parameters.AddWithValue("$phone", phone);
        await mark.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task LogDoNotCallAsync(SqliteConnection connection, SqliteTransaction transaction, string action, DoNotCallEntry entry, CancellationToken cancellationToken)
    {
        await using var log = connection.CreateCommand();
        log.Transaction = transaction;
        log.CommandText = "INSERT INTO do_not_call_log (phone, action, reason, source, at) VALUES ($phone, $action, $reason, $source, $at)";
        log.Parameters.AddWithValue("$phone", entry.Phone);
        log.Parameters.AddWithValue("$action", action);
        log.Parameters.AddWithValue("$reason", (object?)entry.Reason ?? DBNull.Value);
        log.Parameters.AddWithValue("$source", entry.Source);
        log.Parameters.AddWithValue("$at", entry.At.ToUnixTimeSeconds());
        await log.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> CountAsync(SqliteConnection connection, string where, IReadOnlyList<KeyValuePair<string, object>> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM customers c WHERE {where}";
        AddParameters(command, parameters);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static void AddParameters(SqliteCommand command, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private static CustomerSummary ReadSummary(SqliteDataReader reader)
    {
        var issues = JsonSerializer.Deserialize<List<CustomerIssue>>(reader.GetString(6), Json)!;
        return new CustomerSummary(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            NullableString(reader, 3),
            NullableString(reader, 4),
            JsonSerializer.Deserialize<List<string>>(reader.GetString(5), Json)!,
            issues.Select(i => i.Category).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            NullableTime(reader, 7),
            NullableTime(reader, 8),
            reader.IsDBNull(9) ? null : Enum.Parse<Interest>(reader.GetString(9)),
            reader.GetBoolean(10));
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(ordinal));

    internal static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);
}
