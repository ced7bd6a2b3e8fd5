namespace Campaign.Storage.Sqlite;

/// <summary>Where the embedded store keeps its single file (<c>Storage:Sqlite:Path</c>).</summary>
public sealed class SqliteOptions
{
    public string Path { get; set; } = System.IO.Path.Combine("data", "campaign.db");
}
