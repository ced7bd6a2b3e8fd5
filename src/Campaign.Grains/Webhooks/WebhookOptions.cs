namespace Campaign.Grains.Webhooks;

/// <summary>How outbound webhooks are validated and delivered (<c>Webhooks:*</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Allows <c>http://</c> URLs whose host is a loopback address (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>[::1]</c>);
    /// every other URL must be HTTPS. Off by default; the host turns it on in the Development environment.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>The shortest secret accepted, in characters.</summary>
    public int MinSecretLength { get; set; } = 16;

    /// <summary>How long one delivery attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Each wait is multiplied by a random factor in [1 − Jitter, 1 + Jitter], so endpoints that failed together are not all retried together.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>How long after it was queued (or sent again by hand) a delivery is retried before it is given up as failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the outbox's durable reminder wakes it while deliveries are outstanding (not below <c>Orleans:MinimumReminderPeriod</c>).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many deliveries of one endpoint are sent at once (never two of the same customer).</summary>
    public int MaxConcurrentDeliveries { get; set; } = 4;

    /// <summary>How many finished (delivered or failed) deliveries an endpoint's log keeps; the oldest go first.</summary>
    public int LogSize { get; set; } = 1000;
}
