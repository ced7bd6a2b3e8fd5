using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>Who paused a campaign and its abandoned-call rate, as the API shows them.</summary>
[Collection(InProcessHostCollection.Name)]
public class PausedByHttpTests(InProcessHost host)
{
    private Task<JsonElement> PostAsync(string path, string json) => host.PostJsonAsync(path, json);

    [Fact]
    public async Task A_paused_campaign_says_who_paused_it_and_the_stats_show_the_abandon_rate()
    {
        var area = "Pause" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            id,name,phone,area,timeZone
            {area}-1,Ann,{TestCustomers.Phone(1_815_001)},{area},{TestZones.Afternoon}
            """;
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).EnsureSuccessStatusCode();
        // A window closed at this hour keeps the campaign running without a call.
        var id = (await PostAsync("/api/campaigns", $$"""{ "name": "Paused {{area}}", "criteria": { "area": ["{{area}}"] }, "callingWindow": { "from": "05:00", "to": "06:00" } }"""))
            .GetProperty("id").GetString();
        await PostAsync($"/api/campaigns/{id}/start", "{}");

        var paused = await PostAsync($"/api/campaigns/{id}/pause", "{}");
        var stats = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
        var (admin, _) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using var session = admin;
        var dashboard = await session.Client.GetStringAsync($"/campaigns/{id}");
        var resumed = await PostAsync($"/api/campaigns/{id}/resume", "{}");

        Assert.Equal(("paused", "operator", JsonValueKind.Null), (paused.GetProperty("status").GetString(), paused.GetProperty("pausedBy").GetString(), paused.GetProperty("pausedReason").ValueKind));
        Assert.Equal(("operator", 0.0), (stats.GetProperty("pausedBy").GetString(), stats.GetProperty("abandonRate").GetDouble()));
        Assert.Contains("<span data-paused-text>Paused by operator</span>", dashboard);
        Assert.Contains(">0.0%</dd>", dashboard);
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("pausedBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("pausedBy").ValueKind);
        await PostAsync($"/api/campaigns/{id}/cancel", "{}");
    }
}
