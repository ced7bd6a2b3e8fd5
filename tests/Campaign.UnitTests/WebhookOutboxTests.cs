using Campaign.Abstractions.Webhooks;
using Campaign.Grains.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

public class WebhookOutboxTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private readonly List<WebhookDelivery> _deliveries = [];
    private readonly WebhookOutbox _outbox;
    private long _seq;

    public WebhookOutboxTests() => _outbox = new WebhookOutbox(_deliveries, new WebhookOptions { LogSize = 5 }, () => 0.5);

    private DateTimeOffset Now => _clock.GetUtcNow();

    private WebhookDelivery Queue(string eventId, string? customer, string type = WebhookEventTypes.CallCompleted)
    {
        Assert.True(_outbox.Enqueue(new WebhookEvent(eventId, type, Now, customer, $"{{\"id\":\"{eventId}\"}}"), ++_seq, Now));
        return _deliveries[^1];
    }

    private WebhookAttempt Answer(int status) => new(Now, status, null);

    [Fact]
    public void An_event_queued_twice_is_delivered_once()
    {
        Queue("evt_1", "C-1");

        Assert.False(_outbox.Enqueue(new WebhookEvent("evt_1", WebhookEventTypes.CallCompleted, Now, "C-1", "{}"), ++_seq, Now));
        Assert.Single(_deliveries);
        Assert.Equal(WebhookDeliveryStatus.Pending, _deliveries[0].Status);
    }

    [Fact]
    public void A_customers_next_event_waits_until_the_earlier_one_is_delivered_while_other_customers_go_ahead()
    {
        var first = Queue("evt_1", "C-1");
        var second = Queue("evt_2", "C-1");
        var other = Queue("evt_3", "C-2");
        var campaign = Queue("evt_4", null, WebhookEventTypes.CampaignCompleted);

        Assert.Equal([first, other, campaign], _outbox.Due(Now, 10));

        _outbox.Record(first, Answer(500));
        _outbox.Record(other, Answer(200));
        _outbox.Record(campaign, Answer(204));
        Assert.Empty(_outbox.Due(Now, 10)); // the retry is not due yet, and the second waits behind it
        Assert.Equal(first.NextAttemptAt, _outbox.NextWake());

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([first], _outbox.Due(Now, 10));
        _outbox.Record(first, Answer(200));
        Assert.Equal([second], _outbox.Due(Now, 10));
        Assert.Equal(WebhookDeliveryStatus.Delivered, first.Status);
        Assert.Equal(2, first.Attempts);
    }

    [Fact]
    public void Due_takes_at_most_the_batch_size_oldest_first()
    {
        var queued = Enumerable.Range(1, 6).Select(i => Queue($"evt_{i}", $"C-{i}")).ToList();

        Assert.Equal(queued.Take(4), _outbox.Due(Now, 4));
    }

    [Fact]
    public void A_failure_is_retried_with_growing_waits_and_given_up_after_twenty_four_hours()
    {
        var delivery = Queue("evt_1", "C-1");
        var waits = new List<TimeSpan>();
        while (delivery.IsOpen)
        {
            var due = _outbox.Due(Now, 1);
            Assert.Equal([delivery], due);
            var at = Now;
            _outbox.Record(delivery, new WebhookAttempt(at, null, "no answer within 10 s"));
            if (delivery.NextAttemptAt is { } next)
            {
                Assert.Equal(WebhookDeliveryStatus.Retrying, delivery.Status);
                waits.Add(next - at);
                _clock.Advance(next - at);
            }
        }

        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Equal("no answer within 10 s", delivery.Error);
        Assert.Equal([10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600], waits.Take(10).Select(w => (int)w.TotalSeconds));
        Assert.True(Now - delivery.CreatedAt <= TimeSpan.FromHours(24));
        Assert.True(Now - delivery.CreatedAt > TimeSpan.FromHours(23));
        Assert.Null(_outbox.NextWake());
    }

    [Fact]
    public void A_given_up_delivery_lets_the_customers_next_event_go()
    {
        var first = Queue("evt_1", "C-1");
        var second = Queue("evt_2", "C-1");
        _outbox.Record(first, Answer(500));

        _clock.Advance(TimeSpan.FromHours(25));
        Assert.True(_outbox.ExpireOverdue(Now));

        Assert.Equal(WebhookDeliveryStatus.Failed, first.Status);
        Assert.Equal([second], _outbox.Due(Now, 10));
    }

    [Fact]
    public void Send_again_opens_a_delivered_or_failed_delivery_now_with_a_new_window()
    {
        var delivery = Queue("evt_1", "C-1");
        _outbox.Record(delivery, Answer(200));
        _clock.Advance(TimeSpan.FromDays(3));

        Assert.Same(delivery, _outbox.Retry(delivery.Id, Now));

        Assert.Equal(WebhookDeliveryStatus.Retrying, delivery.Status);
        Assert.Equal([delivery], _outbox.Due(Now, 10));
        Assert.Equal(Now + TimeSpan.FromHours(24), delivery.GiveUpAt);
        Assert.Null(_outbox.Retry("dlv_missing", Now));
    }

    [Fact]
    public void The_log_keeps_the_newest_finished_deliveries_and_every_open_one()
    {
        var open = Queue("evt_0", "C-0");
        for (var i = 1; i <= 8; i++)
        {
            _outbox.Record(Queue($"evt_{i}", $"C-{i}"), Answer(200));
        }

        Assert.Equal(6, _deliveries.Count);
        Assert.Contains(open, _deliveries);
        var page = _outbox.Page(0, 3);
        Assert.Equal(6, page.Total);
        Assert.Equal(["evt_8", "evt_7", "evt_6"], page.Items.Select(d => d.EventId));
    }
}
