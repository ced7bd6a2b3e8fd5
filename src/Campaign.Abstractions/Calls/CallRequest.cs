using Campaign.Abstractions.Campaigns;

namespace Campaign.Abstractions.Calls;

/// <summary>Everything a call grain needs to place one attempt.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.CallRequest")]
public sealed record CallRequest(
    [property: Id(0)] string CallId,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] long Seq,
    [property: Id(4)] int Attempt,
    [property: Id(5)] string? SegmentId,
    [property: Id(6)] string? ScriptId,
    [property: Id(7)] string? CallerId,
    [property: Id(8)] VoicemailPolicy VoicemailPolicy,
    [property: Id(9)] TimeSpan MaxDuration,
    [property: Id(10)] int? ScriptVersion = null,
    [property: Id(11)] string? TimeZone = null,
    [property: Id(12)] CampaignPurpose Purpose = CampaignPurpose.Informational,
    [property: Id(13)] CallingWindow? Window = null);

/// <summary>What became of a request to start a call.</summary>
public enum CallStartResult
{
    /// <summary>The call is placed (or was already placed by an earlier identical request).</summary>
    Placed,

    /// <summary>The number is on the do-not-call list: nothing was dialled.</summary>
    DoNotCall,

    /// <summary>The customer is in another live call: try later.</summary>
    CustomerBusy,

    /// <summary>The customer no longer exists.</summary>
    UnknownCustomer,

    /// <summary>This call already ended; its report was (or will be) sent.</summary>
    AlreadyEnded,

    /// <summary>It is outside the legal calling hours in the customer's time zone: nothing was dialled.</summary>
    OutsideCallingHours,

    /// <summary>The customer has had as many attempts this day or week as allowed across all campaigns.</summary>
    AttemptLimitReached,

    /// <summary>No time zone can be known for the customer, so no lawful hour either: nothing was dialled.</summary>
    TimeZoneUnknown,

    /// <summary>The customer has not given the consent the campaign's purpose needs (or revoked it): nothing was dialled.</summary>
    ConsentMissing,

    /// <summary>It is outside the campaign's own calling window for the customer: nothing was dialled.</summary>
    OutsideCampaignWindow,
}
