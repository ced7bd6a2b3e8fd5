using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Browser;

/// <summary>On the dashboard, what callers said about a concern is one click away from its topic.</summary>
/// <remarks>In the campaign-flow collection: it creates campaigns, which the tests expecting an empty list must not see.</remarks>
[Collection(CampaignFlowCollection.Name)]
public class ConcernExamplesBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task An_operator_opens_a_top_concern_and_reads_what_callers_said()
    {
        var client = fixture.Host.Client;
        var area = "Said" + Guid.NewGuid().ToString("N")[..8];
        var reported = DateTimeOffset.UtcNow.AddDays(-5).ToString("O");
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.reportedAt,issue.text,consent.kind,consent.at\n");
        // Virtual customers answer by chance and by the hour of their routine: enough of them that some answer and say
        // their concern whatever the hour the suite runs at.
        for (var i = 0; i < 40; i++)
        {
            csv.Append($"{area}-{i:D2},Customer {i},{TestCustomers.Phone(965_000 + i)},{area},{TestZones.Afternoon},electricity,{reported},low water pressure,express,2020-01-01\n");
        }

        (await client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var created = await client.PostAsync("/api/campaigns", InProcessHost.Json(
            $$"""{ "name": "Pressure check {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 10, "retryPolicy": { "maxAttempts": 1 } }"""));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var page = await fixture.SignedInPageAsync($"/campaigns/{id}");
        (await client.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();

        // The topic arrives with the live updates while the campaign runs.
        var topic = page.Locator("#concerns li[data-concern='low water pressure']");
        await topic.Locator("summary").WaitForAsync(new() { Timeout = 120_000 });
        var quote = topic.Locator(".quotes li").First;
        Assert.Contains("low water pressure", await topic.Locator("summary").TextContentAsync());
        Assert.False(await quote.IsVisibleAsync());

        await topic.Locator("summary").ClickAsync();

        Assert.True(await quote.IsVisibleAsync());
        Assert.Equal("I'm worried about low water pressure.", await quote.TextContentAsync());
        await Screenshots.SaveAsync(page, "campaign-concern-examples.png");
    }
}
