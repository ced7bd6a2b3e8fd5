using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// A customer's profile row: the profile, the customer's number, the contact summary that contact-history criteria
/// use and the do-not-call flag. The row also says which index keys may hold the customer (<c>IndexKeys</c>) and
/// whether they are exactly the profile's (<c>Indexed</c>); see <see cref="CustomerIndexer"/>.
/// </summary>
internal sealed record CustomerRecord(
    CustomerProfile Profile,
    long Number,
    DateTimeOffset? LastContactedAt,
    DateTimeOffset? LastAnsweredAt,
    Interest? LastInterest,
    bool DoNotCall,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Partition => CustomerPartitions.Of(Profile.Id);

    public TableEntity ToEntity(IReadOnlyCollection<string> indexKeys, bool indexed)
    {
        var entity = new TableEntity(Partition, CustomerRowKeys.Profile(Profile.Id))
        {
            ["Id"] = Profile.Id,
            ["Number"] = Number,
            ["Indexed"] = indexed,
            ["Name"] = Profile.Name,
            ["Phone"] = Profile.Phone,
            ["Language"] = Profile.Language,
            ["Tags"] = JsonSerializer.Serialize(Profile.Tags, Json),
            ["Attributes"] = JsonSerializer.Serialize(Profile.Attributes, Json),
            ["DoNotCall"] = DoNotCall,
            ["CreatedAt"] = CreatedAt,
            ["UpdatedAt"] = UpdatedAt,
        };

        // The service keeps no nulls: a property left out reads back the same, and costs nothing to send and parse.
        SetPresent(entity, "Area", Profile.Area);
        SetPresent(entity, "Address", Profile.Address);
        SetPresent(entity, "TimeZone", Profile.TimeZone);
        SetPresent(entity, "LastContactedAt", LastContactedAt?.ToUnixTimeSeconds());
        SetPresent(entity, "LastAnsweredAt", LastAnsweredAt?.ToUnixTimeSeconds());
        SetPresent(entity, "LastInterest", LastInterest?.ToString());
        SetPresent(entity, "Consent", ConsentJson.Write(Profile.Consent));
        TableText.Write(entity, "Issues", JsonSerializer.Serialize(Profile.Issues, Json));
        if (indexKeys.Count > 0)
        {
            TableText.Write(entity, "IndexKeys", string.Join('\n', indexKeys));
        }

        return entity;
    }

    private static void SetPresent(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
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
            JsonSerializer.Deserialize<List<CustomerIssue>>(TableText.Read(entity, "Issues"), Json)!,
            ConsentJson.Read(entity.GetString("Consent"))),
        entity.GetInt64("Number") ?? 0,
        Seconds(entity, "LastContactedAt"),
        Seconds(entity, "LastAnsweredAt"),
        entity.GetString("LastInterest") is { } interest ? Enum.Parse<Interest>(interest) : null,
        entity.GetBoolean("DoNotCall") == true,
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch,
        entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch);

    /// <summary>Keys the index may still hold the stored customer under besides its own (none once indexed).</summary>
    public static HashSet<string> StoredIndexKeys(TableEntity entity) =>
        TableText.Read(entity, "IndexKeys").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the index holds the stored customer under exactly its keys.</summary>
    public static bool IsIndexed(TableEntity entity) => entity.GetBoolean("Indexed") == true;

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
    /// The operation that turns the stored state (<paramref name="stored"/>, null when new) into this one: the profile
    /// row written on condition (insert, or replace at the read ETag), marked as not indexed and listing every key the
    /// index may still hold it under, until <see cref="CustomerIndexer"/> catches up.
    /// </summary>
    public TableTransactionAction WriteAction(TableEntity? stored)
    {
        if (stored is null)
        {
            return new TableTransactionAction(TableTransactionActionType.Add, ToEntity([], indexed: false));
        }

        return new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(MayHold(stored), indexed: false), stored.ETag);
    }

    /// <summary>Every key the index may hold the stored customer under: its own, and those the row lists.</summary>
    public static HashSet<string> MayHold(TableEntity stored)
    {
        var keys = StoredIndexKeys(stored);
        keys.UnionWith(PostingKeys.Of(FromEntity(stored)).Keys);
        return keys;
    }

    private static DateTimeOffset? Seconds(TableEntity entity, string name) =>
        entity.GetInt64(name) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
