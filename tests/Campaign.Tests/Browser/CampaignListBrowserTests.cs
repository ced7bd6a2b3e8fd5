using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Browser;

/// <summary>The campaign list as a report: progress, answer and interest rates, open follow-ups, sorting and a status filter.</summary>
[Collection(CampaignFlowCollection.Name)]
public class CampaignListBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task The_campaign_list_reports_each_campaign_sorts_by_a_column_and_filters_by_status()
    {
        // The draft and the finished campaign target separate areas: a simulated customer may opt out
        // during the finished campaign, which would rightly shrink an overlapping draft's audience.
        var area = "List" + Guid.NewGuid().ToString("N")[..8];
        var draftArea = area + "D";
        var csv = new StringBuilder("id,name,phone,area,timeZone,consent.kind,consent.at\n");
        for (var i = 0; i < 4; i++)
        {
            csv.Append($"{area}-{i},Customer {i},{TestCustomers.Phone(670_000 + i)},{area},{TestZones.Afternoon},express,2020-01-01\n");
            csv.Append($"{draftArea}-{i},Customer D{i},{TestCustomers.Phone(670_100 + i)},{draftArea},{TestZones.Afternoon},express,2020-01-01\n");
        }

        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var draft = await CreateAsync($"Draft {area}", $$"""{ "area": ["{{draftArea}}"] }""");
        var done = await CreateAsync($"Done {area}", $$"""{ "area": ["{{area}}"] }""");
        (await fixture.Host.Client.PostAsync($"/api/campaigns/{done}/start", null)).EnsureSuccessStatusCode();
        var stats = await CalleeCampaign.WaitForCompletionAsync(fixture.Host.Client, done, TimeSpan.FromSeconds(45));
        Assert.Equal("completed", stats.GetProperty("status").GetString());

        var page = await fixture.SignedInPageAsync("/campaigns");
        var draftRow = page.Locator($"tr[data-campaign='{draft}']");
        Assert.Equal("4 (now)", await draftRow.Locator("[data-col=audience]").TextContentAsync());
        Assert.Equal("–", await draftRow.Locator("[data-col=answerRate]").TextContentAsync());
        var doneRow = page.Locator($"tr[data-campaign='{done}']");
        Assert.Equal("4", await doneRow.Locator("[data-col=audience]").TextContentAsync());
        Assert.Equal("100.0% (4)", await doneRow.Locator("[data-col=progress]").TextContentAsync());
        var attempts = stats.GetProperty("results").EnumerateObject().Sum(r => r.Value.GetInt32());
        var answered = stats.GetProperty("results").GetProperty("answered").GetInt32();
        Assert.Equal($"{answered * 100.0 / attempts:0.0}%", await doneRow.Locator("[data-col=answerRate]").TextContentAsync());

        await page.ClickAsync("th a[data-sort=name]");
        await page.WaitForURLAsync("**sort=name*");
        Assert.Equal("ascending", await page.GetAttributeAsync("th:has(a[data-sort=name])", "aria-sort"));
        var names = await page.Locator("#campaigns tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        await page.ClickAsync("th a[data-sort=name]");
        await page.WaitForURLAsync("**dir=desc*");
        names = await page.Locator("#campaigns tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(names.OrderDescending(StringComparer.OrdinalIgnoreCase), names);

        await page.SelectOptionAsync("#status-filter", "draft");
        await page.ClickAsync("form[aria-label='Filter campaigns'] button[type=submit]");
        await page.WaitForURLAsync("**status=draft*");
        Assert.Equal(1, await page.Locator($"tr[data-campaign='{draft}']").CountAsync());
        Assert.Equal(0, await page.Locator($"tr[data-campaign='{done}']").CountAsync());
        Assert.All(await page.Locator("#campaigns tbody .badge").AllTextContentsAsync(), status => Assert.Equal("draft", status));
        await Screenshots.SaveAsync(page, "campaign-list.png");
    }

    private async Task<string> CreateAsync(string name, string criteria)
    {
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "{{name}}", "criteria": {{criteria}}, "retryPolicy": { "maxAttempts": 1 } }"""));
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
