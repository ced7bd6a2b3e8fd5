using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Twilio;

/// <summary>Imports customers with scripted callees and runs a campaign through the host's API.</summary>
internal static class TwilioCampaign
{
    public static async Task<string> StartAsync(TwilioHost host, IReadOnlyList<CalleeScript> callees, int phoneOffset, string extra = "", int maxConcurrentCalls = 5)
    {
        var area = "Tw" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text\n");
        var scripts = new Dictionary<string, CalleeScript>();
        for (var i = 0; i < callees.Count; i++)
        {
            var phone = TestCustomers.Phone(phoneOffset + i);
            scripts[phone] = callees[i];
            csv.Append($"{area}-{i:D3},Customer {i},{phone},{area},{TestZones.Afternoon},electricity,power cuts at night\n");
        }

        host.Twilio.Script = to => scripts.TryGetValue(to, out var script) ? script : CalleeScript.NoAnswer;
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var campaign = await PostAsync(host, "/api/campaigns", $$"""
            { "name": "Twilio {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": {{maxConcurrentCalls}},
              "retryPolicy": { "maxAttempts": 1 }, "callerId": "+12125550123" {{extra}} }
            """);
        var id = campaign.GetProperty("id").GetString()!;
        await PostAsync(host, $"/api/campaigns/{id}/start", "{}");
        return id;
    }

    public static async Task<JsonElement> WaitForCompletionAsync(TwilioHost host, string id, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var stats = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
            if (stats.GetProperty("status").GetString() == "completed" || DateTime.UtcNow > deadline)
            {
                return stats;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> PostAsync(TwilioHost host, string path, string json)
    {
        var response = await host.Client.PostAsync(path, InProcessHost.Json(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
