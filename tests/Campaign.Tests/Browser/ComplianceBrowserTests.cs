using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>The decision log and consent as an operator sees them: skips by reason on the dashboard, a customer's decisions and consent.</summary>
/// <remarks>In the campaign-flow collection: it creates campaigns, which the tests expecting an empty list must not see.</remarks>
[Collection(CampaignFlowCollection.Name)]
public class ComplianceBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task The_dashboard_groups_skips_by_reason_and_the_customer_page_shows_decisions_and_takes_consent()
    {
        var client = fixture.Host.Client;
        var area = "Cmpl" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            id,name,phone,area,timeZone,consent.kind,consent.at
            {area}-1,Ann Consented,{TestCustomers.Phone(940_001)},{area},{TestZones.Afternoon},express,2024-05-01
            {area}-2,Bob Noconsent,{TestCustomers.Phone(940_002)},{area},{TestZones.Afternoon},,
            """;
        (await client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).EnsureSuccessStatusCode();
        var created = await client.PostAsync("/api/campaigns", InProcessHost.Json(
            $$"""{ "name": "Outage check {{area}}", "criteria": { "area": ["{{area}}"] }, "retryPolicy": { "maxAttempts": 1 } }"""));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await client.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline;)
        {
            var stats = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
            if (stats.GetProperty("status").GetString() == "completed")
            {
                break;
            }

            await Task.Delay(100);
        }

        var page = await fixture.SignedInPageAsync($"/campaigns/{id}");
        Assert.Equal("1", await page.TextContentAsync("#skipped-by-reason dd[data-skipped=consent]"));
        Assert.Contains("No consent for the campaign's purpose", await page.TextContentAsync("#skipped-by-reason"));
        var skipRow = page.Locator("#decisions tbody tr[data-decision=skip]");
        Assert.Equal(1, await skipRow.CountAsync());
        Assert.Contains($"{area}-2", await skipRow.TextContentAsync());
        Assert.Contains("none is on record", await skipRow.TextContentAsync());
        await Screenshots.SaveAsync(page, "campaign-decisions.png");

        await page.ClickAsync("#decision-filters a:has-text('called')");
        await page.WaitForURLAsync(url => url.Contains("decisions=call", StringComparison.Ordinal));
        var callRow = page.Locator("#decisions tbody tr[data-decision=call]");
        Assert.Equal(1, await callRow.CountAsync());
        Assert.Contains("lawful under", await callRow.TextContentAsync());

        await page.GotoAsync($"/customers/{area}-2");
        Assert.True(await page.IsVisibleAsync("#consent-empty"));
        Assert.Contains("skip", await page.TextContentAsync("#decisions tbody"));
        await page.SelectOptionAsync("#consent-kind", "expressWritten");
        await page.FillAsync("#consent-at", "2026-11-02");
        await page.FillAsync("#consent-source", "signed form 123");
        await page.ClickAsync("#add-consent button[type=submit]");
        await page.WaitForSelectorAsync("#consent li");
        var consent = System.Text.RegularExpressions.Regex.Replace(await page.TextContentAsync("#consent") ?? "", @"\s+", " ");
        Assert.Contains("Express written for all calls, given 2026-11-02 (signed form 123)", consent);
        await Screenshots.SaveAsync(page, "customer-decisions.png");

        await page.ClickAsync("#revoke-consent");
        await page.WaitForSelectorAsync("#consent .badge.cancelled");
        var customer = await client.GetFromJsonAsync<JsonElement>($"/api/customers/{area}-2");
        Assert.NotEqual(JsonValueKind.Null, customer.GetProperty("consent")[0].GetProperty("revokedAt").ValueKind);
    }
}
