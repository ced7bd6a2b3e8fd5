using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Browser;

/// <summary>The Insights page after a small campaign: its area ranked with an interval, and that area's heatmap.</summary>
[Collection(CampaignFlowCollection.Name)]
public class InsightsBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task The_insights_page_ranks_a_campaigns_area_and_shows_its_weekday_by_hour_heatmap()
    {
        var area = "Ins" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,consent.kind,consent.at\n");
        for (var i = 0; i < 4; i++)
        {
            csv.Append($"{area}-{i},Customer {i},{TestCustomers.Phone(694_000 + i)},{area},{TestZones.Afternoon},express,2020-01-01\n");
        }

        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Insights {{area}}", "criteria": { "area": ["{{area}}"] } }"""));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await fixture.Host.Client.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();
        var stats = await CalleeCampaign.WaitForCompletionAsync(fixture.Host.Client, id, TimeSpan.FromSeconds(45));
        var attempts = stats.GetProperty("results").EnumerateObject().Where(r => r.Name != "cancelled").Sum(r => r.Value.GetInt32());

        var page = await fixture.SignedInPageAsync("/insights");
        Assert.Equal("page", await page.GetAttributeAsync("nav a[href='/insights']", "aria-current"));
        Assert.True(await page.IsVisibleAsync("#insights-chart"), "the ranked chart is drawn");
        var row = page.Locator($"#insights tr[data-kind=area][data-key='{area}']");
        Assert.Equal(1, await row.CountAsync());
        var cells = await row.Locator("td").AllTextContentsAsync();
        Assert.Equal(area, cells[2]);
        Assert.Equal(attempts.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cells[3]);
        Assert.Matches(@"^\d+% \(\d+–\d+%\)$", cells[5]);
        Assert.Matches(@"^\d+$", cells[0]);

        await row.Locator("a:has-text('Heatmap')").ClickAsync();
        await page.WaitForURLAsync($"**segment=area%3A{area}*");
        Assert.Contains(area, await page.TextContentAsync("#timing-title"));
        Assert.Equal(7 * 24, await page.Locator("#insights-heatmap rect").CountAsync());
        var titles = await page.Locator("#insights-heatmap rect title").AllTextContentsAsync();
        var placed = titles.Select(t => System.Text.RegularExpressions.Regex.Match(t, @"of (\d+) calls$")).Where(m => m.Success).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(attempts, placed);
        Assert.Equal($"area:{area}", await page.InputValueAsync("#segment"));
        Assert.Contains($"segment=area%3A{area}", await page.GetAttributeAsync("#timing-csv", "href"));
        await Screenshots.SaveAsync(page, "insights.png");
    }
}
