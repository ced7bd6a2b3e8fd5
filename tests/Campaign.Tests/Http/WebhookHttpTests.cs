using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Webhooks;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Http;

/// <summary>Outbound webhooks through the API against a receiver on loopback that checks every signature itself.</summary>
[Collection(InProcessHostCollection.Name)]
public class WebhookHttpTests(InProcessHost host)
{
    private const string Secret = "receiver-secret-0123456789";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private async Task<string> RegisterAsync(WebhookReceiver receiver, params string[] events)
    {
        var created = await host.Client.PostAsync("/api/webhooks", InProcessHost.Json(JsonSerializer.Serialize(new { url = receiver.Url, events, secret = receiver.Secret })));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Imports customers in a new area, runs a one-attempt campaign over them to completion and returns its id.</summary>
    private async Task<string> RunCampaignAsync(int customers, int phoneOffset)
    {
        var area = "Whk" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text,consent.kind,consent.at\n");
        for (var i = 0; i < customers; i++)
        {
            csv.Append($"{area}-{i},Customer {i},{TestCustomers.Phone(phoneOffset + i)},{area},{TestZones.Afternoon},electricity,power cuts at night,express,2020-01-01\n");
        }

        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var campaign = await host.PostJsonAsync("/api/campaigns", $$"""
            { "name": "Webhooks {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 5, "retryPolicy": { "maxAttempts": 1 } }
            """);
        var id = campaign.GetProperty("id").GetString()!;
        await host.PostJsonAsync($"/api/campaigns/{id}/start", "{}");
        var deadline = DateTime.UtcNow + Wait;
        while ((await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("status").GetString() != "completed")
        {
            Assert.True(DateTime.UtcNow < deadline, $"campaign {id} did not complete");
            await Task.Delay(200);
        }

        return id;
    }

    private async Task<JsonElement> DeliveriesAsync(string webhookId) =>
        await host.Client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{webhookId}/deliveries?take=500");

    [Fact]
    public async Task Registration_names_the_bad_field_and_never_shows_the_secret()
    {
        async Task<string?> FieldOf(string json) =>
            (await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/webhooks", InProcessHost.Json(json)), HttpStatusCode.BadRequest))
                .GetProperty("field").GetString();

        Assert.Equal("url", await FieldOf("""{ "url": "http://crm.example.com/hooks", "events": ["optOut"], "secret": "0123456789abcdef" }"""));
        Assert.Equal("url", await FieldOf("""{ "url": "/hooks", "events": ["optOut"], "secret": "0123456789abcdef" }"""));
        Assert.Equal("url", await FieldOf("""{ "events": ["optOut"], "secret": "0123456789abcdef" }"""));
        Assert.Equal("events", await FieldOf("""{ "url": "https://crm.example.com/hooks", "events": [], "secret": "0123456789abcdef" }"""));
        Assert.Equal("events[1]", await FieldOf("""{ "url": "https://crm.example.com/hooks", "events": ["optOut", "call.started"], "secret": "0123456789abcdef" }"""));
        Assert.Equal("secret", await FieldOf("""{ "url": "https://crm.example.com/hooks", "events": ["optOut"], "secret": "too-short" }"""));
        Assert.Equal("secret", await FieldOf("""{ "url": "https://crm.example.com/hooks", "events": ["optOut"] }"""));

        var created = await host.Client.PostAsync("/api/webhooks", InProcessHost.Json("""
            { "url": "https://crm.example.com/hooks", "events": ["call.completed", "campaign.completed"], "secret": "never-echo-this-secret-123" }
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain("never-echo-this-secret-123", text);
        var endpoint = JsonDocument.Parse(text).RootElement;
        var id = endpoint.GetProperty("id").GetString()!;
        Assert.Equal("https://crm.example.com/hooks", endpoint.GetProperty("url").GetString());
        Assert.Equal(["call.completed", "campaign.completed"], endpoint.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.True(endpoint.TryGetProperty("createdAt", out _));
        Assert.Equal($"/api/webhooks/{id}", created.Headers.Location?.OriginalString);

        var list = await host.Client.GetStringAsync("/api/webhooks");
        Assert.Contains(id, list);
        Assert.DoesNotContain("never-echo-this-secret-123", list);
        Assert.Equal(0, (await DeliveriesAsync(id)).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"/api/webhooks/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await host.Client.DeleteAsync($"/api/webhooks/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync($"/api/webhooks/{id}/deliveries"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await host.Client.PostAsync($"/api/webhooks/{id}/deliveries/dlv_x/retry", null), HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, await host.Client.GetStringAsync("/api/webhooks"));
    }

    [Fact]
    public async Task A_campaigns_calls_arrive_signed_as_call_completed_with_the_call_record_then_campaign_completed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var webhookId = await RegisterAsync(receiver, "call.completed", "campaign.completed", "followUp.created");
        try
        {
            var campaignId = await RunCampaignAsync(3, 1_810_000);

            var received = await receiver.WaitForAsync(
                all => all.Any(r => r.Type == "campaign.completed" && r.Data.GetProperty("id").GetString() == campaignId), Wait);
            var calls = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/calls")).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(3, calls.Count);
            var ours = received.Where(r => r.Type == "call.completed" && r.Data.GetProperty("campaignId").GetString() == campaignId).ToList();
            Assert.Equal(calls.Select(c => c.GetProperty("id").GetString()).Order(), ours.Select(r => r.Data.GetProperty("id").GetString()).Order());
            Assert.All(received, r => Assert.True(r.Verified, $"{r.Type} {r.Id}: signature or timestamp did not check out"));
            Assert.All(received, r => Assert.Equal("application/json", r.ContentType?.Split(';')[0]));
            foreach (var delivery in ours)
            {
                Assert.Equal(delivery.Id, delivery.Json.GetProperty("id").GetString());
                Assert.StartsWith("evt_", delivery.Id);
                var shown = await host.Client.GetStringAsync($"/api/calls/{delivery.Data.GetProperty("id").GetString()}");
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(shown), JsonNode.Parse(delivery.Data.GetRawText())),
                    $"call.completed data differs from GET /api/calls/{{id}}:\n{delivery.Data.GetRawText()}\n{shown}");
            }

            var completed = received.Single(r => r.Type == "campaign.completed" && r.Data.GetProperty("id").GetString() == campaignId);
            Assert.Equal("completed", completed.Data.GetProperty("status").GetString());
            Assert.Equal(3, completed.Data.GetProperty("audience").GetInt32());

            var log = await DeliveriesAsync(webhookId);
            var items = log.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(received.Count, log.GetProperty("total").GetInt32());
            Assert.All(items, d =>
            {
                Assert.Equal("delivered", d.GetProperty("status").GetString());
                Assert.Equal(1, d.GetProperty("attempts").GetInt32());
                Assert.Equal(200, d.GetProperty("responseStatus").GetInt32());
                Assert.Equal(JsonValueKind.String, d.GetProperty("lastAttemptAt").ValueKind);
            });
            Assert.Equal(received.Select(r => r.Type).Order(), items.Select(d => d.GetProperty("event").GetString()).Order());
        }
        finally
        {
            await host.Client.DeleteAsync($"/api/webhooks/{webhookId}");
        }
    }

    [Fact]
    public async Task A_delivery_answered_500_or_timed_out_is_retried_until_delivered_and_send_again_posts_it_once_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.AnswerNext(500, WebhookReceiver.Hang, 503);
        var webhookId = await RegisterAsync(receiver, "campaign.completed");
        try
        {
            var campaignId = await RunCampaignAsync(1, 1_811_000);

            var received = await receiver.WaitForAsync(all => all.Any(r => r.AnsweredWith == 200), Wait);
            Assert.Equal([500, WebhookReceiver.Hang, 503, 200], received.Select(r => r.AnsweredWith));
            Assert.Single(received.Select(r => r.Id).Distinct());
            Assert.Single(received.Select(r => r.Body).Distinct());
            Assert.All(received, r => Assert.True(r.Verified));
            Assert.Equal(campaignId, received[0].Data.GetProperty("id").GetString());
            Assert.True(received[2].At - received[1].At >= TimeSpan.FromSeconds(0.9), "the hung attempt should have been waited for (the timeout)");

            var delivery = await WaitForDeliveryAsync(webhookId, d => d.GetProperty("status").GetString() == "delivered");
            Assert.Equal(4, delivery.GetProperty("attempts").GetInt32());
            Assert.Equal(200, delivery.GetProperty("responseStatus").GetInt32());
            Assert.Equal("campaign.completed", delivery.GetProperty("event").GetString());

            var retried = await host.Client.PostAsync($"/api/webhooks/{webhookId}/deliveries/{delivery.GetProperty("id").GetString()}/retry", null);
            Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
            var again = await receiver.WaitForAsync(all => all.Count == 5, Wait);
            Assert.Equal(received[0].Id, again[4].Id);
            Assert.True(again[4].Verified);
            var after = await WaitForDeliveryAsync(webhookId, d => d.GetProperty("attempts").GetInt32() == 5 && d.GetProperty("status").GetString() == "delivered");
            Assert.Equal(200, after.GetProperty("responseStatus").GetInt32());
            await ProblemAssert.IsProblemAsync(await host.Client.PostAsync($"/api/webhooks/{webhookId}/deliveries/dlv_missing/retry", null), HttpStatusCode.NotFound);
        }
        finally
        {
            await host.Client.DeleteAsync($"/api/webhooks/{webhookId}");
        }
    }

    [Fact]
    public async Task A_customers_next_event_waits_until_the_earlier_one_is_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.FailFirst("evt_order_a1", 3);
        var webhookId = await RegisterAsync(receiver, "optOut", "call.completed");
        try
        {
            var endpoint = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IWebhookEndpointGrain>(webhookId);
            await endpoint.EnqueueAsync(Event("evt_order_a1", "optOut", "ORD-A"));
            await endpoint.EnqueueAsync(Event("evt_order_a2", "call.completed", "ORD-A"));
            await endpoint.EnqueueAsync(Event("evt_order_b1", "call.completed", "ORD-B"));

            var received = (await receiver.WaitForAsync(all => all.Count(r => r.AnsweredWith == 200) == 3, Wait)).ToList();
            Assert.Equal(4, received.Count(r => r.Id == "evt_order_a1"));
            var a1Delivered = received.FindIndex(r => r.Id == "evt_order_a1" && r.AnsweredWith == 200);
            var a2First = received.FindIndex(r => r.Id == "evt_order_a2");
            Assert.True(a2First > a1Delivered, "a customer's second event went out before the first was delivered: " + string.Join(", ", received.Select(r => $"{r.Id}:{r.AnsweredWith}")));
            Assert.Equal(1, received.Count(r => r.Id == "evt_order_a2"));
            Assert.True(received.FindIndex(r => r.Id == "evt_order_b1") < a1Delivered, "another customer's event should not wait");
        }
        finally
        {
            await host.Client.DeleteAsync($"/api/webhooks/{webhookId}");
        }
    }

    [Fact]
    public async Task An_opt_out_recorded_again_for_the_same_call_is_announced_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var webhookId = await RegisterAsync(receiver, "optOut");
        try
        {
            var id = "Oo" + Guid.NewGuid().ToString("N")[..8];
            var csv = $"id,name,phone,area,timeZone\n{id},Opt Out,{TestCustomers.Phone(975_000 + Random.Shared.Next(1000))},{id},{TestZones.Afternoon}\n";
            (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).EnsureSuccessStatusCode();
            var customer = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICustomerGrain>(id);

            // A call's opt-out recorded, then recorded again after a failure before the call saved that it had been.
            await customer.OptOutAsync("asked during a call", "call", "call-1");
            await customer.OptOutAsync("asked during a call", "call", "call-1");
            await customer.OptOutAsync("asked during a call", "call", "call-2");

            var received = await receiver.WaitForAsync(all => all.Select(r => r.Id).Distinct().Count() >= 2, Wait);
            var queued = (await DeliveriesAsync(webhookId)).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("eventId").GetString()).ToList();
            Assert.Equal(2, queued.Count);
            Assert.Equal(queued.Order(), received.Select(r => r.Id).Distinct().Order());
        }
        finally
        {
            await host.Client.DeleteAsync($"/api/webhooks/{webhookId}");
        }
    }

    private static WebhookEvent Event(string id, string type, string customerId)
    {
        var at = DateTimeOffset.UtcNow;
        return new WebhookEvent(id, type, at, customerId, JsonSerializer.Serialize(new { id, type, at, data = new { customerId } }));
    }

    private async Task<JsonElement> WaitForDeliveryAsync(string webhookId, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var items = (await DeliveriesAsync(webhookId)).GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 1 && condition(items[0]))
            {
                return items[0];
            }

            Assert.True(DateTime.UtcNow < deadline, "the delivery log did not reach the expected state: " + string.Join(", ", items.Select(i => i.GetRawText())));
            await Task.Delay(100);
        }
    }
}
