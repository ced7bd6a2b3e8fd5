using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Storage;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Dial decisions on Azure Tables: each decision is written to its customer's partition (<c>p|{customer}</c>) and then
/// to its campaign's (<c>c|{campaign}</c>), newest first (row key: the time counted backwards, then a unique suffix).
/// A decision is on record once its customer row is written; the append throws otherwise, and nothing is dialled.
/// </summary>
public sealed class AzureDecisionLog(AzureTableSet tables) : IDecisionLog
{
    private const int ReadParallelism = 16;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task AppendAsync(DialDecision decision, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var row = RowKey(decision.At);
        var json = JsonSerializer.Serialize(decision, Json);
        await tables.Decisions.AddEntityAsync(Entity(CustomerPartition(decision.CustomerId), row, decision, json), cancellationToken);
        await tables.Decisions.AddEntityAsync(Entity(CampaignPartition(decision.CampaignId), row, decision, json), cancellationToken);
    }

    public Task<DecisionPage> ForCustomerAsync(string customerId, int skip, int take, CancellationToken cancellationToken = default) =>
        PageAsync(CustomerPartition(customerId), null, skip, take, cancellationToken);

    public Task<DecisionPage> ForCampaignAsync(string campaignId, DialDecisionKind? decision, int skip, int take, CancellationToken cancellationToken = default) =>
        PageAsync(CampaignPartition(campaignId), decision, skip, take, cancellationToken);

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await tables.ReadyAsync();
        var filter = TableClient.CreateQueryFilter($"At lt {cutoff.ToUnixTimeMilliseconds()}");
        var old = new List<(string Partition, string Row)>();
        await foreach (var row in tables.Decisions.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken))
        {
            old.Add((row.PartitionKey, row.RowKey));
        }

        foreach (var partition in old.GroupBy(o => o.Partition))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await tables.Decisions.SubmitTransactionAsync(
                    chunk.Select(o => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(o.Partition, o.Row), Azure.ETag.All)),
                    cancellationToken);
            }
        }

        return old.Count(o => o.Partition.StartsWith("p|", StringComparison.Ordinal));
    }

    private async Task<DecisionPage> PageAsync(string partition, DialDecisionKind? decision, int skip, int take, CancellationToken cancellationToken)
    {
        await tables.ReadyAsync();
        var filter = decision is { } kind
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Decision eq {Name(kind)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var keys = new List<string>();
        await foreach (var row in tables.Decisions.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        var page = keys.Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToList();
        var items = new DialDecision?[page.Count];
        await TableTransactions.ForEachAsync(Enumerable.Range(0, page.Count), ReadParallelism, cancellationToken, async (i, token) =>
        {
            var row = await tables.Decisions.GetEntityIfExistsAsync<TableEntity>(partition, page[i], ["Json"], token);
            items[i] = row.HasValue ? JsonSerializer.Deserialize<DialDecision>(row.Value!.GetString("Json"), Json) : null;
        });
        return new DecisionPage(keys.Count, items.OfType<DialDecision>().ToList());
    }

    private static TableEntity Entity(string partition, string row, DialDecision decision, string json) => new(partition, row)
    {
        ["At"] = decision.At.ToUnixTimeMilliseconds(),
        ["Decision"] = Name(decision.Decision),
        ["Json"] = json,
    };

    private static string CustomerPartition(string customerId) => "p" + TableKeys.Separator + TableKeys.Part(customerId);

    private static string CampaignPartition(string campaignId) => "c" + TableKeys.Separator + TableKeys.Part(campaignId);

    /// <summary>Newest first: the time counted down from the largest tick value, then a random suffix for decisions in the same tick.</summary>
    private static string RowKey(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + TableKeys.Separator + Guid.NewGuid().ToString("N")[..12];

    private static string Name(DialDecisionKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
