using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Host.Hosting;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Campaign.Tests.Twilio;
using Microsoft.AspNetCore.Builder;

namespace Campaign.Tests.Cluster;

/// <summary>
/// Two silos on Azurite; Twilio's webhooks and ConversationRelay sockets all reach silo B (the public URL), while the
/// campaign runs from silo A (whose API created it), where its call grains live beside it and are reached from B by
/// grain calls.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrossSiloWebhookTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ApiKey = "cross-silo-key-0123456789";
    private readonly TempDatabase _file = new();
    private readonly FakeTwilio _twilio = new();
    private readonly List<WebApplication> _apps = [];
    private readonly List<(HttpClient Client, int SiloPort)> _silos = [];

    public async Task InitializeAsync()
    {
        await _twilio.StartAsync();
        var prefix = AzureHostArgs.NewPrefix();
        var publicUrl = $"http://127.0.0.1:{FreePort.Next()}";
        foreach (var url in new[] { $"http://127.0.0.1:{FreePort.Next()}", publicUrl })
        {
            var siloPort = FreePort.Next();
            var app = CampaignHost.Build(
            [
                "--urls", url,
                "--Storage:Sqlite:Path", _file.Path,
                "--Orleans:SiloPort", siloPort.ToString(),
                "--Orleans:GatewayPort", FreePort.Next().ToString(),
                "--Auth:ApiKey", ApiKey,
                "--Auth:Admin:Password", "cross silo",
                "--Demo:Seed", "false",
                "--Trunk:Capacity", "20",
                "--Trunk:CallsPerSecond", "500",
                "--Campaigns:DispatchInterval", "00:00:00.050",
                "--Telephony:Provider", "Twilio",
                "--Telephony:Twilio:AccountSid", FakeTwilio.AccountSid,
                "--Telephony:Twilio:AuthToken", FakeTwilio.AuthToken,
                "--Telephony:Twilio:FromNumber", "+12125550199",
                "--Telephony:Twilio:ApiBaseUrl", _twilio.BaseUrl.ToString(),
                "--Telephony:Twilio:PublicBaseUrl", publicUrl,
                "--Telephony:Twilio:Mode", "ConversationRelay",
                .. AzureHostArgs.For(azurite.ConnectionString, prefix),
            ]);
            await app.StartAsync();
            _apps.Add(app);
            var client = new HttpClient { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            _silos.Add((client, siloPort));
        }
    }

    [Fact]
    public async Task ConversationRelay_sockets_on_one_silo_drive_call_grains_living_on_the_other()
    {
        var (siloA, portA) = _silos[0];
        await WaitUntilAsync(async () => (await siloA.GetFromJsonAsync<JsonElement>("/api/system")).GetProperty("silos").EnumerateArray()
            .Count(s => s.GetProperty("status").GetString() == "Active") == 2);

        var area = "Xs" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text,consent.kind,consent.at\n");
        for (var i = 0; i < 8; i++)
        {
            csv.Append($"{area}-{i:D2},Customer {i},{TestCustomers.Phone(720_000 + i)},{area},{TestZones.Afternoon},electricity,power cuts at night,express,2020-01-01\n");
        }

        _twilio.Script = _ => CalleeScript.Talkative;
        (await siloA.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var created = await siloA.PostAsync("/api/campaigns", InProcessHost.Json($$"""
            { "name": "Cross silo", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 8, "retryPolicy": { "maxAttempts": 1 } }
            """));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await siloA.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();

        // Watch where the call grains live while the calls talk.
        var mostOnA = 0;
        var mostOnB = 0;
        JsonElement stats;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var system = await siloA.GetFromJsonAsync<JsonElement>("/api/system");
            mostOnA = Math.Max(mostOnA, system.GetProperty("silos").EnumerateArray()
                .Where(s => s.GetProperty("address").GetString()!.Contains($":{portA}:", StringComparison.Ordinal))
                .Sum(s => s.GetProperty("activeGrains").TryGetProperty("CallGrain", out var n) ? n.GetInt32() : 0));
            mostOnB = Math.Max(mostOnB, system.GetProperty("silos").EnumerateArray()
                .Where(s => !s.GetProperty("address").GetString()!.Contains($":{portA}:", StringComparison.Ordinal))
                .Sum(s => s.GetProperty("activeGrains").TryGetProperty("CallGrain", out var n) ? n.GetInt32() : 0));
            stats = await siloA.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
            if (stats.GetProperty("status").GetString() == "completed" || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Empty(_twilio.Callee.Failures);
        Assert.Equal("completed", stats.GetProperty("status").GetString());
        Assert.Equal(8, stats.GetProperty("results").GetProperty("answered").GetInt32());
        Assert.True(mostOnA > 0, "no call grain lived on silo A, so every socket on silo B was local");
        Assert.Equal(0, mostOnB); // the calls live on their campaign's silo, not where their webhooks arrive
        var records = (await _silos[1].Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=50")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(8, records.Count(r => r.GetProperty("outcome").ValueKind == JsonValueKind.Object
            && r.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString() == "moreInfo"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 60 s");
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (client, _) in _silos)
        {
            client.Dispose();
        }

        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await _twilio.DisposeAsync();
        _file.Dispose();
    }
}
