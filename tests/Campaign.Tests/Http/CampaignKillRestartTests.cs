using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>A campaign survives its host being killed mid-campaign: it resumes by itself and loses or repeats nothing.</summary>
public class CampaignKillRestartTests : IDisposable
{
    private const int Customers = 60;
    private readonly TempDatabase _file = new();

    private static readonly string[] Settings =
    [
        "--Demo:Seed", "false",
        "--Trunk:Capacity", "20",
        "--Trunk:CallsPerSecond", "100",
        "--Telephony:Simulator:TimeScale", "20",
        "--Telephony:Simulator:CallbackShare", "0",

        // Answered calls cut by the kill were never heard, so they count as abandoned; this is about recovery, so
        // the abandoned-call limit must not pause the campaign (see AbandonedCallTests for that).
        "--Compliance:MaxAbandonRate", "1",
        "--Orleans:MinimumReminderPeriod", "00:00:02",
        "--Campaigns:KeepAlivePeriod", "00:00:02",
        "--Campaigns:DispatchInterval", "00:00:00.100",
        "--Calls:WatchdogPeriod", "00:00:02",
    ];

    [Fact]
    public async Task A_campaign_killed_mid_run_resumes_after_restart_and_completes_without_repeats_or_leaks()
    {
        string id;
        HashSet<string> finishedBeforeKill;
        await using (var first = await HostProcess.StartAsync(_file.Path, Settings))
        {
            var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,consent.kind,consent.at\n");
            for (var i = 0; i < Customers; i++)
            {
                csv.Append($"R-{i:D3},Customer {i},{TestCustomers.Phone(700_000 + i)},Restartville,{TestZones.Afternoon},electricity,express,2020-01-01\n");
            }

            (await first.Client.PostAsync("/api/customers/import", HostProcess.Csv(csv.ToString()))).EnsureSuccessStatusCode();
            var created = await first.Client.PostAsync("/api/campaigns", new StringContent("""
                { "name": "Restart", "criteria": { "area": ["Restartville"] }, "maxConcurrentCalls": 10,
                  "retryPolicy": { "maxAttempts": 2, "delays": { "noAnswer": "PT1S", "busy": "PT1S", "failed": "PT1S", "voicemail": "PT1S" } } }
                """, Encoding.UTF8, "application/json"));
            created.EnsureSuccessStatusCode();
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            (await first.Client.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();

            await WaitUntilAsync(first.Client, id, s => s.GetProperty("finished").GetInt32() >= 10 && s.GetProperty("inFlight").GetInt32() > 0);
            finishedBeforeKill = (await CallIdsAsync(first.Client, id)).ToHashSet();
            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(_file.Path, Settings);
        var stats = await WaitUntilAsync(second.Client, id, s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromMinutes(3));

        Assert.Equal(Customers, stats.GetProperty("finished").GetInt32());
        var calls = (await second.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=500")).GetProperty("items").EnumerateArray().ToList();
        Assert.Subset(calls.Select(c => c.GetProperty("id").GetString()!).ToHashSet(), finishedBeforeKill);
        Assert.Equal(calls.Count, stats.GetProperty("results").EnumerateObject().Sum(r => r.Value.GetInt32()));
        foreach (var customer in calls.GroupBy(c => c.GetProperty("customerId").GetString()))
        {
            var attempts = customer.Select(c => c.GetProperty("attempt").GetInt32()).ToList();
            Assert.Equal(attempts.Count, attempts.Distinct().Count());
            Assert.InRange(attempts.Max(), 1, 2);
            var history = await second.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer.Key}");
            Assert.Equal(attempts.Count, history.GetProperty("contactHistory").EnumerateArray().Count(h => h.GetProperty("campaignId").GetString() == id));
        }

        var system = await second.Client.GetFromJsonAsync<JsonElement>("/api/system");
        Assert.Equal(0, system.GetProperty("trunk").GetProperty("inUse").GetInt32());
    }

    private static async Task<IReadOnlyList<string>> CallIdsAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=500")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()!).ToList();

    private static async Task<JsonElement> WaitUntilAsync(HttpClient client, string id, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var stats = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
            if (done(stats))
            {
                return stats;
            }

            Assert.True(DateTime.UtcNow < deadline, $"campaign did not get there in time: {stats}");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _file.Dispose();
}
