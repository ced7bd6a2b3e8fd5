namespace Campaign.Grains.Campaigns;

/// <summary>How campaigns dial (<c>Campaigns:*</c>).</summary>
public sealed class CampaignOptions
{
    /// <summary>How often a running campaign looks for due customers and free trunk slots.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a customer who is in another campaign's call waits before being tried again.</summary>
    public TimeSpan CustomerBusyDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a customer refused at dial time for calling hours waits before the next try: their country's law can be
    /// stricter than the hours the campaign schedules by (Canada's weekends, France's lunch break).
    /// </summary>
    public TimeSpan OutsideHoursRecheck { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the durable reminder wakes a running campaign (after a restart, for instance).</summary>
    public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many calls learned timing takes a line to make in an hour until the campaign's own ended calls measure it
    /// (<see cref="LinePace"/>).
    /// </summary>
    public int HeldCallsPerLineHour { get; set; } = DialQueue.DefaultHeldCallsPerLineHour;

    /// <summary>
    /// Learned timing holds at most <c>maxConcurrentCalls</c> × the lines' pace × this many customers for any one hour,
    /// and calls the rest now.
    /// </summary>
    public double HoldBookHours { get; set; } = LinePace.DefaultBookHours;

    /// <summary>How long an observer subscription lasts unless renewed (live dashboards renew well within it).</summary>
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromMinutes(3);
}
