namespace Campaign.Host.Ui;

/// <summary>How the admin dashboard's live stream behaves (<c>Ui:LiveUpdates:*</c>).</summary>
public sealed class LiveUpdateOptions
{
    /// <summary>The shortest time between two reads of a campaign's statistics, however many changes arrive.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>With no change notified for this long the stream reads anyway, so a lost notification heals itself.</summary>
    public TimeSpan FallbackPoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often this silo renews its subscriptions to the campaigns being watched; well within <c>Campaigns:ObserverExpiry</c>.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromMinutes(1);
}
