using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Storage;
using Microsoft.Data.Sqlite;

namespace Campaign.Storage.Sqlite;

/// <summary>Dial decisions in the embedded SQLite file: the whole decision as JSON, indexed by customer and by campaign.</summary>
public sealed class SqliteDecisionLog(SqliteDatabase database) : IDecisionLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public Task AppendAsync(DialDecision decision, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO dial_decisions (at, campaign_id, customer_id, call_id, decision, record_json)
                VALUES ($at, $campaign, $customer, $call, $decision, $json)
                """;
            var p = command.Parameters;
            p.AddWithValue("$at", decision.At.ToUnixTimeMilliseconds());
            p.AddWithValue("$campaign", decision.CampaignId);
            p.AddWithValue("$customer", decision.CustomerId);
            p.AddWithValue("$call", (object?)decision.CallId ?? DBNull.Value);
            p.AddWithValue("$decision", Name(decision.Decision));
            p.AddWithValue("$json", JsonSerializer.Serialize(decision, Json));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<DecisionPage> ForCustomerAsync(string customerId, int skip, int take, CancellationToken cancellationToken = default) =>
        PageAsync("customer_id = $key", customerId, null, skip, take, cancellationToken);

    public Task<DecisionPage> ForCampaignAsync(string campaignId, DialDecisionKind? decision, int skip, int take, CancellationToken cancellationToken = default) =>
        PageAsync(decision is null ? "campaign_id = $key" : "campaign_id = $key AND decision = $decision", campaignId, decision, skip, take, cancellationToken);

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM dial_decisions WHERE at < $cutoff";
            command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private Task<DecisionPage> PageAsync(string where, string key, DialDecisionKind? decision, int skip, int take, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM dial_decisions WHERE {where}";
            Bind(count, key, decision);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT record_json FROM dial_decisions WHERE {where} ORDER BY seq DESC LIMIT $take OFFSET $skip";
            Bind(command, key, decision);
            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", skip);
            var items = new List<DialDecision>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(JsonSerializer.Deserialize<DialDecision>(reader.GetString(0), Json)!);
            }

            return new DecisionPage(total, items);
        });

    private static void Bind(SqliteCommand command, string key, DialDecisionKind? decision)
    {
        command.Parameters.AddWithValue("$key", key);
        if (decision is { } kind)
        {
            command.Parameters.AddWithValue("$decision", Name(kind));
        }
    }

    private static string Name(DialDecisionKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
