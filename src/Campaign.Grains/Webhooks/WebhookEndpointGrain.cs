using Campaign.Abstractions.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Campaign.Grains.Webhooks;

/// <summary>
/// One endpoint and its durable outbox. An event is in the persisted state before <see cref="EnqueueAsync"/> returns;
/// a grain timer sends what is due (<see cref="WebhookOutbox"/> decides what and when), and while anything is open a
/// reminder wakes the grain every <see cref="WebhookOptions.ReminderPeriod"/>, so deliveries resume after a restart.
/// A delivery is marked delivered only after the endpoint's 2xx answer is saved: delivery is at least once.
/// Reentrant, so events are queued while a slow endpoint is being posted to; state writes go one at a time.
/// </summary>
[Reentrant]
public sealed class WebhookEndpointGrain(
    [PersistentState("webhook", StorageNames.LargeState)] IPersistentState<WebhookEndpointState> state,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookEndpointGrain> logger) : Grain, IWebhookEndpointGrain, IRemindable
{
    private readonly SerialStateWrites<WebhookEndpointState> _writes = new(state);
    private OutboxReminder _reminder = null!;
    private IGrainTimer? _timer;
    private bool _sending;
    private bool _sendAgain;

    private string Id => this.GetPrimaryKeyString();

    private WebhookOutbox Outbox => new(state.State.Deliveries, options.Value, Random.Shared.NextDouble);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _reminder = new OutboxReminder(this, options.Value.ReminderPeriod);
        _timer = this.RegisterGrainTimer(
            _ => SendDueAsync(),
            new GrainTimerCreationOptions { DueTime = Timeout.InfiniteTimeSpan, Period = Timeout.InfiniteTimeSpan, Interleave = true });
        if (state.RecordExists && Outbox.HasOpen)
        {
            WakeIn(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task<WebhookEndpoint> RegisterAsync(WebhookRegistration registration)
    {
        if (state.RecordExists)
        {
            throw new WebhookException($"webhook '{Id}' already exists");
        }

        var (url, events, secret) = WebhookValidator.Validate(registration, options.Value);
        state.State.Url = url.AbsoluteUri;
        state.State.Events = events.ToList();
        state.State.Secret = secret;
        state.State.CreatedAt = clock.GetUtcNow();
        await _writes.WriteAsync();
        await GrainFactory.GetGrain<IWebhookCatalogGrain>(IWebhookCatalogGrain.Key).AddAsync(new WebhookSubscription(Id, events));
        return Endpoint();
    }

    public Task<WebhookEndpoint?> GetAsync() => Task.FromResult(state.RecordExists ? Endpoint() : null);

    public async Task<bool> DeleteAsync()
    {
        if (!state.RecordExists)
        {
            return false;
        }

        // Off the catalog first: no new event is queued for an endpoint being removed.
        await GrainFactory.GetGrain<IWebhookCatalogGrain>(IWebhookCatalogGrain.Key).RemoveAsync(Id);
        await _reminder.EnsureOffAsync();
        await _writes.ClearAsync();
        DeactivateOnIdle();
        return true;
    }

    public async Task EnqueueAsync(WebhookEvent webhookEvent)
    {
        if (!state.RecordExists || !state.State.Events.Contains(webhookEvent.Type))
        {
            return;
        }

        if (Outbox.Enqueue(webhookEvent, state.State.NextSeq, clock.GetUtcNow()))
        {
            state.State.NextSeq++;
            await _writes.WriteAsync();
            await _reminder.EnsureOnAsync();
            WakeIn(TimeSpan.Zero);
        }
    }

    public Task<WebhookDeliveryPage?> GetDeliveriesAsync(int skip, int take) =>
        Task.FromResult(state.RecordExists ? Outbox.Page(skip, take) : null);

    public async Task<WebhookDeliveryInfo?> RetryAsync(string deliveryId)
    {
        if (!state.RecordExists || Outbox.Retry(deliveryId, clock.GetUtcNow()) is not { } delivery)
        {
            return null;
        }

        await _writes.WriteAsync();
        await _reminder.EnsureOnAsync();
        WakeIn(TimeSpan.Zero);
        return delivery.Info();
    }

    public Task WakeAsync()
    {
        if (state.RecordExists && Outbox.HasOpen)
        {
            WakeIn(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists)
        {
            await _reminder.EnsureOffAsync();
            return;
        }

        WakeIn(TimeSpan.Zero);
    }

    /// <summary>Sends every due delivery, batch after batch, saves the results, then sets the timer for the next one.</summary>
    private async Task SendDueAsync()
    {
        if (_sending)
        {
            _sendAgain = true;
            return;
        }

        _sending = true;
        try
        {
            do
            {
                _sendAgain = false;
                if (!state.RecordExists)
                {
                    return;
                }

                var outbox = Outbox;
                var changed = outbox.ExpireOverdue(clock.GetUtcNow());
                var due = outbox.Due(clock.GetUtcNow(), Math.Max(1, options.Value.MaxConcurrentDeliveries));
                if (due.Count > 0)
                {
                    var url = new Uri(state.State.Url);
                    var secret = state.State.Secret;
                    var attempts = await Task.WhenAll(due.Select(d => sender.SendAsync(url, secret, d)));
                    if (!state.RecordExists)
                    {
                        return; // deleted while posting
                    }

                    for (var i = 0; i < due.Count; i++)
                    {
                        outbox.Record(due[i], attempts[i]);
                        if (!attempts[i].Succeeded)
                        {
                            WebhookLog.AttemptFailed(logger, Id, due[i].Id, due[i].Type, due[i].Attempts, due[i].Error ?? "", due[i].Status.ToString().ToLowerInvariant());
                        }
                    }

                    changed = true;
                    _sendAgain = true; // a customer's next event may be due now
                }

                if (changed)
                {
                    await _writes.WriteAsync();
                }
            }
            while (_sendAgain);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The results not saved are sent again: at least once. The reminder comes back for them.
            WebhookLog.SendFailed(logger, Id, ex.Message);
        }
        finally
        {
            _sending = false;
        }

        await ScheduleNextAsync();
    }

    private async Task ScheduleNextAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }

        if (Outbox.NextWake() is { } next)
        {
            var wait = next - clock.GetUtcNow();
            WakeIn(wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
            await _reminder.EnsureOnAsync();
        }
        else
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            await _reminder.EnsureOffAsync();
        }
    }

    private void WakeIn(TimeSpan due)
    {
        if (_sending)
        {
            _sendAgain = true;
        }

        _timer?.Change(due, Timeout.InfiniteTimeSpan);
    }

    private WebhookEndpoint Endpoint() => new(Id, state.State.Url, state.State.Events.ToList(), state.State.CreatedAt);
}
