using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Twilio;

namespace Campaign.Tests.Support;

/// <summary>
/// Runs a campaign through a host's API over a fake telephony provider: imports one customer per scripted callee
/// (in an area of their own), tells the fake which callee answers which number, creates and starts the campaign.
/// </summary>
internal static class CalleeCampaign
{
    public static async Task<string> StartAsync(
        HttpClient client, Action<Func<string, CalleeScript>> setScript, string name, IReadOnlyList<CalleeScript> callees, int phoneOffset, int maxConcurrentCalls, string extra)
    {
        var area = name + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text,consent.kind,consent.at\n");
        var scripts = new Dictionary<string, CalleeScript>();
        for (var i = 0; i < callees.Count; i++)
        {
            var phone = TestCustomers.Phone(phoneOffset + i);
            scripts[phone] = callees[i];
            csv.Append($"{area}-{i:D3},Customer {i},{phone},{area},{TestZones.Afternoon},electricity,power cuts at night,express,2020-01-01\n");
        }

        setScript(to => scripts.TryGetValue(to, out var script) ? script : CalleeScript.NoAnswer);
        (await client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var campaign = await PostAsync(client, "/api/campaigns", $$"""
            { "name": "{{name}} {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": {{maxConcurrentCalls}},
              "retryPolicy": { "maxAttempts": 1 }, "callerId": "+12125550123" {{extra}} }
            """);
        var id = campaign.GetProperty("id").GetString()!;
        await PostAsync(client, $"/api/campaigns/{id}/start", "{}");
        return id;
    }

    public static async Task<JsonElement> WaitForCompletionAsync(HttpClient client, string id, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var stats = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
            if (stats.GetProperty("status").GetString() == "completed" || DateTime.UtcNow > deadline)
            {
                return stats;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, string json)
    {
        var response = await client.PostAsync(path, InProcessHost.Json(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The call's status as the API reports it; null while the API does not know the call.</summary>
    public static async Task<string?> CallStatusAsync(HttpClient client, string callId)
    {
        var response = await client.GetAsync($"/api/calls/{callId}");
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()
            : null;
    }

    /// <summary>Waits up to 10 s for the fake provider to show what <paramref name="probe"/> looks for.</summary>
    public static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var i = 0; i < 200; i++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the fake provider saw no call");
    }

    /// <summary>Waits up to 10 s for <paramref name="probe"/> to hold; the test's assertions say what it expected.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> probe)
    {
        for (var i = 0; i < 200 && !await probe(); i++)
        {
            await Task.Delay(50);
        }
    }
}
