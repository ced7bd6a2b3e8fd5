using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Browser;

/// <summary>A running campaign with nobody in flight says who it will call next, why they wait and until when.</summary>
[Collection(CampaignFlowCollection.Name)]
public class PendingCallsBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task The_dashboard_names_customers_waiting_for_their_calling_hours_and_when_they_open()
    {
        var area = "Night" + Guid.NewGuid().ToString("N")[..8];
        var zone = TestZones.Night;
        var csv = new StringBuilder("id,name,phone,area,timeZone,consent.kind,consent.at\n");
        for (var i = 0; i < 2; i++)
        {
            csv.Append($"{area}-{i},Sleeper {i},{TestCustomers.Phone(680_000 + i)},{area},{zone},express,2020-01-01\n");
        }

        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Night {{area}}", "criteria": { "area": ["{{area}}"] } }"""));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await fixture.Host.Client.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();

        var pending = await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/pending");
        Assert.Equal(2, pending.GetArrayLength());
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        foreach (var item in pending.EnumerateArray())
        {
            Assert.Equal("callingHours", item.GetProperty("reason").GetString());
            Assert.StartsWith("Sleeper", item.GetProperty("customerName").GetString());
            var opens = item.GetProperty("callableFrom").GetDateTimeOffset();
            Assert.True(opens > DateTimeOffset.UtcNow, "the calling hours open later");
            Assert.Equal("08:00", TimeZoneInfo.ConvertTime(opens, tz).ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        var badTake = await fixture.Host.Client.GetAsync($"/api/campaigns/{id}/pending?take=0");
        await ProblemAssert.IsProblemAsync(badTake, System.Net.HttpStatusCode.BadRequest);

        var page = await fixture.SignedInPageAsync($"/campaigns/{id}");
        var rows = page.Locator("#pending tbody tr[data-reason=callingHours]");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("their calling hours", await rows.First.TextContentAsync());
        Assert.Contains("(in ", await rows.First.TextContentAsync());
        Assert.Contains("Sleeper", await rows.First.TextContentAsync());
        await Screenshots.SaveAsync(page, "dashboard-what-happens-next.png");

        (await fixture.Host.Client.PostAsync($"/api/campaigns/{id}/cancel", null)).EnsureSuccessStatusCode();
    }
}
