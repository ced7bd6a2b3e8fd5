using Campaign.Abstractions.Webhooks;

namespace Campaign.Grains.Webhooks;

/// <summary>
/// An endpoint's deliveries and the rules over them, without I/O: an event is queued once per event id; a delivery is
/// due when its time has come and no earlier delivery of the same customer is still open (pending or retrying), so a
/// customer's events arrive in order; a failed attempt is retried after <see cref="WebhookBackoff"/> until
/// <see cref="WebhookOptions.GiveUpAfter"/>, then the delivery is failed (and the customer's next event may go).
/// </summary>
public sealed class WebhookOutbox(List<WebhookDelivery> deliveries, WebhookOptions options, Func<double> random)
{
    public IReadOnlyList<WebhookDelivery> Deliveries => deliveries;

    public bool HasOpen => deliveries.Any(d => d.IsOpen);

    /// <summary>Queues the event; false when it was queued before (an event announced twice is delivered once).</summary>
    public bool Enqueue(WebhookEvent webhookEvent, long seq, DateTimeOffset now)
    {
        if (deliveries.Any(d => d.EventId == webhookEvent.Id))
        {
            return false;
        }

        deliveries.Add(new WebhookDelivery
        {
            Id = "dlv_" + Guid.NewGuid().ToString("N")[..16],
            Seq = seq,
            EventId = webhookEvent.Id,
            Type = webhookEvent.Type,
            CustomerId = webhookEvent.CustomerId,
            Body = webhookEvent.Body,
            CreatedAt = now,
            Status = WebhookDeliveryStatus.Pending,
            NextAttemptAt = now,
            GiveUpAt = now + options.GiveUpAfter,
        });
        Trim();
        return true;
    }

    /// <summary>The deliveries to send now, oldest first: at most one per customer, and none behind an open earlier one.</summary>
    public IReadOnlyList<WebhookDelivery> Due(DateTimeOffset now, int max)
    {
        var due = new List<WebhookDelivery>();
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var delivery in deliveries.Where(d => d.IsOpen).OrderBy(d => d.Seq))
        {
            if (delivery.CustomerId is { } customer && !blocked.Add(customer))
            {
                continue; // an earlier delivery of this customer is still open
            }

            if (delivery.NextAttemptAt <= now && due.Count < max)
            {
                due.Add(delivery);
            }
        }

        return due;
    }

    /// <summary>When the next delivery becomes due (only first-in-line deliveries count); null when nothing is open.</summary>
    public DateTimeOffset? NextWake()
    {
        DateTimeOffset? next = null;
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var delivery in deliveries.Where(d => d.IsOpen).OrderBy(d => d.Seq))
        {
            if (delivery.CustomerId is { } customer && !blocked.Add(customer))
            {
                continue;
            }

            if (delivery.NextAttemptAt is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }

    /// <summary>Records an attempt: delivered on 2xx; otherwise retried after the backoff, or failed when that would pass the give-up time.</summary>
    public void Record(WebhookDelivery delivery, WebhookAttempt attempt)
    {
        delivery.Attempts++;
        delivery.LastAttemptAt = attempt.At;
        delivery.ResponseStatus = attempt.ResponseStatus;
        if (attempt.Succeeded)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            delivery.NextAttemptAt = null;
            delivery.Error = null;
            Trim();
            return;
        }

        delivery.Error = attempt.Error ?? $"the endpoint answered {attempt.ResponseStatus}";
        var next = attempt.At + WebhookBackoff.Delay(options, delivery.Attempts, random());
        if (next > delivery.GiveUpAt)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            delivery.NextAttemptAt = null;
            Trim();
        }
        else
        {
            delivery.Status = WebhookDeliveryStatus.Retrying;
            delivery.NextAttemptAt = next;
        }
    }

    /// <summary>Gives up every open delivery whose retry window has passed (the host may have been down past it).</summary>
    public bool ExpireOverdue(DateTimeOffset now)
    {
        var expired = false;
        foreach (var delivery in deliveries.Where(d => d.IsOpen && d.GiveUpAt < now && d.Attempts > 0))
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            delivery.NextAttemptAt = null;
            expired = true;
        }

        return expired;
    }

    /// <summary>"Send again": the delivery is open once more, due now, with a new retry window; its attempts keep counting.</summary>
    public WebhookDelivery? Retry(string deliveryId, DateTimeOffset now)
    {
        var delivery = deliveries.FirstOrDefault(d => d.Id == deliveryId);
        if (delivery is null)
        {
            return null;
        }

        delivery.Status = delivery.Attempts == 0 ? WebhookDeliveryStatus.Pending : WebhookDeliveryStatus.Retrying;
        delivery.NextAttemptAt = now;
        delivery.GiveUpAt = now + options.GiveUpAfter;
        return delivery;
    }

    /// <summary>The log, newest first.</summary>
    public WebhookDeliveryPage Page(int skip, int take) =>
        new(deliveries.Count, deliveries.OrderByDescending(d => d.Seq).Skip(skip).Take(take).Select(d => d.Info()).ToList());

    /// <summary>Keeps at most <see cref="WebhookOptions.LogSize"/> finished deliveries; open ones always stay.</summary>
    private void Trim()
    {
        var finished = deliveries.Count(d => !d.IsOpen);
        if (finished <= options.LogSize)
        {
            return;
        }

        var drop = deliveries.Where(d => !d.IsOpen).OrderBy(d => d.Seq).Take(finished - options.LogSize).ToHashSet();
        deliveries.RemoveAll(drop.Contains);
    }
}
