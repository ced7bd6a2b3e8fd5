using Orleans.Concurrency;

namespace Campaign.Abstractions.Campaigns;

/// <summary>
/// The telephony trunk shared by every campaign on every silo (key <see cref="Key"/>): at most
/// <c>Trunk:Capacity</c> live calls and <c>Trunk:CallsPerSecond</c> new calls per second, shared fairly.
/// </summary>
[Alias("Campaign.ITrunkGrain")]
public interface ITrunkGrain : IGrainWithStringKey
{
    public const string Key = "default";

    /// <summary>Leases slots for some of the given calls (a prefix of the list); returns the call ids granted.</summary>
    [Alias("Acquire")]
    Task<IReadOnlyList<string>> AcquireAsync(string campaignId, IReadOnlyList<string> callIds, int campaignQuota);

    /// <summary>
    /// Frees the slots of <paramref name="released"/> calls, then leases as <see cref="AcquireAsync"/> does, in one
    /// write: a campaign gives back the lines of its ended calls with its next dial.
    /// </summary>
    [Alias("Exchange")]
    Task<IReadOnlyList<string>> ExchangeAsync(string campaignId, IReadOnlyList<string> released, IReadOnlyList<string> callIds, int campaignQuota);

    /// <summary>Frees the slots of several calls in one write, as <see cref="ReleaseAsync"/> does for one.</summary>
    [Alias("ReleaseMany")]
    [AlwaysInterleave]
    Task ReleaseAllAsync(IReadOnlyList<string> callIds);

    /// <summary>
    /// Frees every line the campaign holds but those of <paramref name="live"/> calls: a campaign that restarted gives
    /// back the lines of calls that ended before it could.
    /// </summary>
    [Alias("KeepOnly")]
    Task KeepOnlyAsync(string campaignId, IReadOnlyList<string> live);

    /// <summary>
    /// Frees the slot of a call; releasing twice or releasing an expired lease is harmless. Releases interleave with
    /// each other and with an acquire waiting on storage, so many calls ending together share one write.
    /// </summary>
    [Alias("Release")]
    [AlwaysInterleave]
    Task ReleaseAsync(string callId);

    [Alias("GetStatus")]
    Task<TrunkStatus> GetStatusAsync();
}

[GenerateSerializer, Immutable, Alias("Campaign.TrunkStatus")]
public sealed record TrunkStatus(
    [property: Id(0)] int Capacity,
    [property: Id(1)] double CallsPerSecond,
    [property: Id(2)] int InUse,
    [property: Id(3)] int PeakInUse,
    [property: Id(4)] IReadOnlyDictionary<string, int> InUseByCampaign);
