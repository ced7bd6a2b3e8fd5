using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// A customer's profile row: the profile, the contact summary that contact-history criteria use, the do-not-call
/// flag, and the keys of the index rows written with it (so a later change knows exactly which rows to remove).
/// </summary>
internal sealed record CustomerRecord(
    CustomerProfile Profile,
    DateTimeOffset? LastContactedAt,
    DateTimeOffset? LastAnsweredAt,
    Interest? LastInterest,
    bool DoNotCall,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Partition => CustomerPartitions.Of(Profile.Id);

    public TableEntity ToEntity(IReadOnlyCollection<string> indexRows)
    {
        var entity = new TableEntity(Partition, CustomerRowKeys.Profile(Profile.Id))
        {
            ["Id"] = Profile.Id,
            ["Name"] = Profile.Name,
            ["Phone"] = Profile.Phone,
            ["Area"] = Profile.Area,
            ["Address"] = Profile.Address,
            ["TimeZone"] = Profile.TimeZone,
            ["Language"] = Profile.Language,
            ["Tags"] = JsonSerializer.Serialize(Profile.Tags, Json),
            ["Attributes"] = JsonSerializer.Serialize(Profile.Attributes, Json),
            ["LastContactedAt"] = LastContactedAt?.ToUnixTimeSeconds(),
            ["LastAnsweredAt"] = LastAnsweredAt?.ToUnixTimeSeconds(),
            ["LastInterest"] = LastInterest?.ToString(),
            ["DoNotCall"] = DoNotCall,
            ["CreatedAt"] = CreatedAt,
            ["UpdatedAt"] = UpdatedAt,
        };
        TableText.Write(entity, "Issues", JsonSerializer.Serialize(Profile.Issues, Json));
        TableText.Write(entity, "IndexRows", string.Join('\n', indexRows));
        return entity;
    }

    public static CustomerRecord FromEntity(TableEntity entity) => new(
        new CustomerProfile(
            entity.GetString("Id"),
            entity.GetString("Name"),
            entity.GetString("Phone"),
            entity.GetString("Area"),
            entity.GetString("Address"),
            entity.GetString("TimeZone"),
            entity.GetString("Language"),
            JsonSerializer.Deserialize<List<string>>(entity.GetString("Tags"), Json)!,
            JsonSerializer.Deserialize<Dictionary<string, string>>(entity.GetString("Attributes"), Json)!,
            JsonSerializer.Deserialize<List<CustomerIssue>>(TableText.Read(entity, "Issues"), Json)!),
        Seconds(entity, "LastContactedAt"),
        Seconds(entity, "LastAnsweredAt"),
        entity.GetString("LastInterest") is { } interest ? Enum.Parse<Interest>(interest) : null,
        entity.GetBoolean("DoNotCall") == true,
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch,
        entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch);

    /// <summary>The index rows recorded on the stored entity.</summary>
    public static HashSet<string> StoredIndexRows(TableEntity entity) =>
        TableText.Read(entity, "IndexRows").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public CustomerSummary ToSummary() => new(
        Profile.Id,
        Profile.Name,
        Profile.Phone,
        Profile.Area,
        Profile.TimeZone,
        Profile.Tags,
        Profile.Issues.Select(i => i.Category).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        LastContactedAt,
        LastAnsweredAt,
        LastInterest,
        DoNotCall);

    /// <summary>
    /// The operations that turn the stored state (<paramref name="stored"/>, null when new) into this one: the profile
    /// row written on condition (insert, or replace at the read ETag), stale index rows deleted, new ones inserted.
    /// </summary>
    public List<TableTransactionAction> WriteActions(TableEntity? stored)
    {
        var rows = CustomerRowKeys.IndexRows(this);
        var actions = new List<TableTransactionAction>(rows.Count + 1);
        if (stored is null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(rows)));
            actions.AddRange(rows.Select(row => Upsert(row)));
            return actions;
        }

        var old = StoredIndexRows(stored);
        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(rows), stored.ETag));
        actions.AddRange(old.Where(row => !rows.Contains(row))
            .Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, row), ETag.All)));
        actions.AddRange(rows.Where(row => !old.Contains(row)).Select(row => Upsert(row)));
        return actions;
    }

    private TableTransactionAction Upsert(string row) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, row));

    private static DateTimeOffset? Seconds(TableEntity entity, string name) =>
        entity.GetInt64(name) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
