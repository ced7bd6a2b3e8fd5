namespace Campaign.Grains.Calls;

/// <summary>Limits for every call (<c>Calls:*</c>).</summary>
public sealed class CallOptions
{
    /// <summary>How long a call may run once answered; a call can never run on forever.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the phone rings before the attempt counts as not answered.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a live call checks that its provider still has it (it may have been lost with a silo).</summary>
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
