namespace Campaign.Grains.Compliance;

/// <summary>
/// A campaign's answered and abandoned calls, counted per UTC day: the days of the rolling window are all it keeps.
/// Kept in the campaign's state, so the rate survives restarts.
/// </summary>
[GenerateSerializer, Alias("Campaign.AbandonWindow")]
public sealed class AbandonWindow
{
    /// <summary>Counts by day (days since 0001-01-01, UTC).</summary>
    [Id(0)]
    public Dictionary<int, AbandonDay> Days { get; set; } = [];
}

[GenerateSerializer, Alias("Campaign.AbandonDay")]
public sealed class AbandonDay
{
    [Id(0)]
    public int Answered { get; set; }

    [Id(1)]
    public int Abandoned { get; set; }
}
