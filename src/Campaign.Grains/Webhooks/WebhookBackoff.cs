namespace Campaign.Grains.Webhooks;

/// <summary>
/// The wait before the next attempt: <see cref="WebhookOptions.FirstRetryDelay"/> doubled after each failure, capped
/// at <see cref="WebhookOptions.MaxRetryDelay"/>, times a random factor of ±<see cref="WebhookOptions.Jitter"/>.
/// With the defaults: about 10 s, 20 s, 40 s, 80 s, … 34 min, then hourly, until 24 hours have passed.
/// </summary>
public static class WebhookBackoff
{
    /// <param name="failures">How many attempts have failed so far (1 after the first).</param>
    /// <param name="random">A number in [0, 1) that places the jitter.</param>
    public static TimeSpan Delay(WebhookOptions options, int failures, double random)
    {
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(options.FirstRetryDelay.Ticks * Math.Pow(2, doublings), options.MaxRetryDelay.Ticks);
        var factor = 1 + (options.Jitter * ((2 * random) - 1));
        return TimeSpan.FromTicks((long)Math.Max(0, ticks * factor));
    }
}
