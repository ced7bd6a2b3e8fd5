using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;

namespace Campaign.Abstractions.Compliance;

/// <summary>A campaign's call asking to dial a customer: everything the rules need to know about the campaign side.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.DialRequest")]
public sealed record DialRequest(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string CallId,
    [property: Id(2)] CampaignPurpose Purpose,
    [property: Id(3)] CallingWindow? Window,
    [property: Id(4)] DateTimeOffset HoldUntil);

/// <summary>
/// The answer to a <see cref="DialRequest"/>: <see cref="CallStartResult.Placed"/> when the customer is claimed for the
/// call (the decision is recorded first), with the profile to dial; otherwise why not. <see cref="Decision"/> is null
/// only when the same call asked again and its earlier decision stands.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.DialVerdict")]
public sealed record DialVerdict(
    [property: Id(0)] CallStartResult Result,
    [property: Id(1)] DialDecision? Decision,
    [property: Id(2)] CustomerProfile? Profile);
