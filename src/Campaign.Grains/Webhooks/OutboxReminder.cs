using Orleans.Runtime;

namespace Campaign.Grains.Webhooks;

/// <summary>
/// The reminder that wakes an endpoint while its outbox has anything open. It remembers whether it is registered, so
/// a busy outbox does not write the reminder table on every event.
/// </summary>
internal sealed class OutboxReminder(IGrainBase grain, TimeSpan period)
{
    public const string Name = "webhook-outbox";

    private bool? _registered;

    public async Task EnsureOnAsync()
    {
        if (_registered != true)
        {
            await grain.RegisterOrUpdateReminder(Name, period, period);
            _registered = true;
        }
    }

    public async Task EnsureOffAsync()
    {
        if (_registered != false)
        {
            if (await grain.GetReminder(Name) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }

            _registered = false;
        }
    }
}
