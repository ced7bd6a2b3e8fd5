using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Campaign.Tests.Twilio;

namespace Campaign.Tests.Acs;

/// <summary>Imports customers with scripted callees and runs a campaign through the host's API.</summary>
internal static class AcsCampaign
{
    public static async Task<string> StartAsync(AcsHost host, IReadOnlyList<CalleeScript> callees, int phoneOffset, int concurrency = 5, string extra = "")
    {
        var area = "Acs" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text\n");
        var scripts = new Dictionary<string, CalleeScript>();
        for (var i = 0; i < callees.Count; i++)
        {
            var phone = TestCustomers.Phone(phoneOffset + i);
            scripts[phone] = callees[i];
            csv.Append($"{area}-{i:D3},Customer {i},{phone},{area},{TestZones.Afternoon},electricity,power cuts at night\n");
        }

        host.Acs.Script = to => scripts.TryGetValue(to, out var script) ? script : CalleeScript.NoAnswer;
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var campaign = await PostAsync(host, "/api/campaigns", $$"""
            { "name": "ACS {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": {{concurrency}},
              "retryPolicy": { "maxAttempts": 1 }, "callerId": "+12125550123" {{extra}} }
            """);
        var id = campaign.GetProperty("id").GetString()!;
        await PostAsync(host, $"/api/campaigns/{id}/start", "{}");
        return id;
    }

    public static async Task<JsonElement> WaitForCompletionAsync(AcsHost host, string id, TimeSpan limit)
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

    public static async Task<List<JsonElement>> CallsAsync(AcsHost host, string id) =>
        (await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=100")).GetProperty("items").EnumerateArray().ToList();

    private static async Task<JsonElement> PostAsync(AcsHost host, string path, string json)
    {
        var response = await host.Client.PostAsync(path, InProcessHost.Json(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
