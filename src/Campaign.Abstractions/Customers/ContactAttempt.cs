namespace Campaign.Abstractions.Customers;

/// <summary>One call attempt made to a customer and what came of it.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ContactAttempt")]
public sealed record ContactAttempt(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string CallId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] CallResult Result,
    [property: Id(4)] Interest? Interest,
    [property: Id(5)] FollowUpKind? FollowUp);

/// <summary>How a call attempt ended, as far as the phone network is concerned.</summary>
public enum CallResult
{
    Answered,
    NoAnswer,
    Busy,
    Voicemail,
    Failed,
    Cancelled,
}

/// <summary>The customer's interest as judged at the end of an answered call.</summary>
public enum Interest
{
    Unknown,
    Interested,
    Neutral,
    NotInterested,
}

/// <summary>What the customer asked to happen next.</summary>
public enum FollowUpKind
{
    None,
    MoreInfo,
    Callback,
    LeaveAlone,
}
