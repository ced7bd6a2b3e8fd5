using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>Events in a webhook outbox survive the host being killed: after the restart every one is delivered.</summary>
public class WebhookKillRestartTests : IDisposable
{
    private const string Secret = "kill-test-secret-0123456789";
    private const int Customers = 4;
    private readonly TempDatabase _file = new();

    private static readonly string[] Settings =
    [
        "--Demo:Seed", "false",
        "--Trunk:Capacity", "10",
        "--Trunk:CallsPerSecond", "100",
        "--Telephony:Simulator:TimeScale", "600",
        "--Telephony:Simulator:CallbackShare", "0",
        "--Campaigns:DispatchInterval", "00:00:00.100",
        "--Orleans:MinimumReminderPeriod", "00:00:02",
        "--Webhooks:AllowLoopbackHttp", "true",
        "--Webhooks:FirstRetryDelay", "00:00:00.500",
        "--Webhooks:MaxRetryDelay", "00:00:01",
        "--Webhooks:ReminderPeriod", "00:00:02",
    ];

    [Fact]
    public async Task Deliveries_still_failing_when_the_host_is_killed_are_delivered_after_the_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.DefaultStatus = 500;
        string webhookId;
        string campaignId;
        await using (var first = await HostProcess.StartAsync(_file.Path, Settings))
        {
            var created = await first.Client.PostAsync("/api/webhooks", Json(JsonSerializer.Serialize(new { url = receiver.Url, events = new[] { "call.completed", "campaign.completed" }, secret = Secret })));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            webhookId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,consent.kind,consent.at\n");
            for (var i = 0; i < Customers; i++)
            {
                csv.Append($"K-{i},Customer {i},{TestCustomers.Phone(1_813_000 + i)},Hookville,{TestZones.Afternoon},electricity,express,2020-01-01\n");
            }

            (await first.Client.PostAsync("/api/customers/import", HostProcess.Csv(csv.ToString()))).EnsureSuccessStatusCode();
            var campaign = await first.Client.PostAsync("/api/campaigns", Json("""
                { "name": "Hooks", "criteria": { "area": ["Hookville"] }, "retryPolicy": { "maxAttempts": 1 } }
                """));
            campaignId = (await campaign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            (await first.Client.PostAsync($"/api/campaigns/{campaignId}/start", null)).EnsureSuccessStatusCode();

            // Every event has been tried and refused at least once: all are in the outbox, retrying, when the host dies.
            await receiver.WaitForAsync(all => all.Select(r => r.Id).Distinct().Count() == Customers + 1, TimeSpan.FromSeconds(90));
            var log = await first.Client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{webhookId}/deliveries");
            Assert.Equal(Customers + 1, log.GetProperty("total").GetInt32());
            Assert.All(log.GetProperty("items").EnumerateArray(), d => Assert.Equal("retrying", d.GetProperty("status").GetString()));
            await first.KillAsync();
        }

        var refused = receiver.All.Select(r => r.Id).ToHashSet();
        receiver.DefaultStatus = 200;
        await using var second = await HostProcess.StartAsync(_file.Path, Settings);

        var received = await receiver.WaitForAsync(all => refused.All(id => all.Any(r => r.Id == id && r.AnsweredWith == 200)), TimeSpan.FromSeconds(60));
        Assert.All(received, r => Assert.True(r.Verified));
        Assert.Equal(Customers, received.Where(r => r.Type == "call.completed" && r.AnsweredWith == 200).Select(r => r.Id).Distinct().Count());
        Assert.Contains(received, r => r.Type == "campaign.completed" && r.AnsweredWith == 200 && r.Data.GetProperty("id").GetString() == campaignId);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement after;
        do
        {
            await Task.Delay(100);
            after = await second.Client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{webhookId}/deliveries");
        }
        while (DateTime.UtcNow < deadline && after.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("status").GetString() != "delivered"));

        Assert.Equal(Customers + 1, after.GetProperty("total").GetInt32());
        Assert.All(after.GetProperty("items").EnumerateArray(), d => Assert.Equal("delivered", d.GetProperty("status").GetString()));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose() => _file.Dispose();
}
