namespace Campaign.Abstractions.Campaigns;

/// <summary>
/// How a campaign times its calls within the lawful window: <see cref="Asap"/> calls due customers in list order and
/// retries after the policy's fixed delays; <see cref="Learned"/> calls first those whose best time is now, holds back
/// (up to the campaign's <c>MaxHold</c>) those likely to be out, and retries a no-answer at their next good hour.
/// </summary>
public enum CallTiming
{
    Asap,
    Learned,
}
