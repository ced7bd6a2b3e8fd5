namespace Campaign.Grains.Trunk;

[GenerateSerializer, Alias("Campaign.TrunkState")]
public sealed class TrunkState
{
    [Id(0)]
    public Dictionary<string, TrunkLease> Leases { get; set; } = [];

    [Id(1)]
    public int PeakInUse { get; set; }
}

[GenerateSerializer, Immutable, Alias("Campaign.TrunkLease")]
public sealed record TrunkLease([property: Id(0)] string CampaignId, [property: Id(1)] DateTimeOffset ExpiresAt);
