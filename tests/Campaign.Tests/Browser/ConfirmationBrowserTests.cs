using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>Actions that cannot be undone ask first, say what will happen, and do nothing until confirmed.</summary>
[Collection(CampaignFlowCollection.Name)]
public class ConfirmationBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task Start_says_how_many_people_will_be_called_now_and_who_waits_or_is_left_out_then_starts_in_one_click()
    {
        var area = "Go" + Guid.NewGuid().ToString("N")[..8];
        var phones = Enumerable.Range(0, 4).Select(i => TestCustomers.Phone(7_300_000 + (Random.Shared.Next(0, 40_000) * 4) + i)).ToArray();
        var csv = new StringBuilder("id,name,phone,area,timeZone,consent.kind,consent.at\n")
            .Append($"{area}-1,Day One,{phones[0]},{area},{TestZones.Afternoon},express,2020-01-01\n")
            .Append($"{area}-2,Day Two,{phones[1]},{area},{TestZones.Afternoon},express,2020-01-01\n")
            .Append($"{area}-3,Night Owl,{phones[2]},{area},{TestZones.Night},express,2020-01-01\n")
            .Append($"{area}-4,No Calls,{phones[3]},{area},{TestZones.Afternoon},express,2020-01-01\n");
        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        (await fixture.Host.Client.PostAsync("/api/dnc", InProcessHost.Json($$"""{ "phone": "{{phones[3]}}", "reason": "asked" }"""))).EnsureSuccessStatusCode();
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Start {{area}}", "criteria": { "area": ["{{area}}"] } }"""));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        const string expected = "This will call 2 people now (1 more is outside their calling hours and will be called when those open; 1 on the do-not-call list is left out).";

        // The campaign list says the same as the dashboard, and its "(now)" audience is the same projection.
        var page = await fixture.SignedInPageAsync("/campaigns");
        var row = page.Locator($"tr[data-campaign='{id}']");
        Assert.Equal("3 (now)", (await row.Locator("[data-col=audience]").TextContentAsync())?.Trim());
        await row.Locator("summary:has-text('Start')").ClickAsync();
        Assert.Equal(expected, (await row.Locator("[data-start-preview]").TextContentAsync())?.Trim());

        await page.GotoAsync($"/campaigns/{id}");
        Assert.False(await page.IsVisibleAsync("[data-start-preview]"), "nothing starts, or is said, before Start is pressed");
        await page.ClickAsync("[data-actions] summary:has-text('Start')");
        Assert.Equal(expected, (await page.TextContentAsync("[data-start-preview]"))?.Trim());
        await Screenshots.SaveAsync(page, "start-confirmation.png");
        Assert.Equal("draft", await page.TextContentAsync("#status"));

        await page.ClickAsync("[data-actions] button:has-text('Start calling now')");
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent !== 'draft'");
        Assert.Contains(await page.TextContentAsync("#status"), new[] { "running", "completed" });
        Assert.Equal("3", await page.TextContentAsync("[data-stat=audience]"));
    }

    [ChromiumFact]
    public async Task Cancelling_a_campaign_asks_first_and_without_confirming_changes_nothing()
    {
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json("""{ "name": "Keep me", "criteria": { "area": ["Nowhere"] } }"""));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var page = await fixture.SignedInPageAsync($"/campaigns/{id}");

        await page.ClickAsync("summary:has-text('Cancel')");
        Assert.Contains("cannot be undone", await page.TextContentAsync("details.confirm[open] .confirm-panel"));
        await Screenshots.SaveAsync(page, "cancel-confirmation.png");
        await page.ReloadAsync();
        Assert.Equal("draft", await page.TextContentAsync("#status"));

        // A request that skips the confirmation (an old page, a hand-made form) is refused.
        await page.ClickAsync("summary:has-text('Cancel')");
        await page.EvaluateAsync("() => document.querySelector('details.confirm input[name=confirmed]').remove()");
        await page.ClickAsync("button:has-text('Cancel the campaign')");
        await page.WaitForSelectorAsync(".alert");
        Assert.Contains("must be confirmed", await page.TextContentAsync(".alert"));
        Assert.Equal("draft", await page.TextContentAsync("#status"));

        await page.ClickAsync("summary:has-text('Cancel')");
        await page.ClickAsync("button:has-text('Cancel the campaign')");
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent === 'cancelled'");
        var stored = await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal("cancelled", stored.GetProperty("status").GetString());
    }

    [ChromiumFact]
    public async Task Deleting_a_segment_says_which_campaigns_not_yet_started_still_need_it_and_asks_first()
    {
        var saved = await fixture.Host.Client.PostAsync("/api/segments", InProcessHost.Json("""{ "name": "Needed segment", "criteria": { "area": ["Nowhere"] } }"""));
        saved.EnsureSuccessStatusCode();
        var segment = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Draft needing it", "segmentId": "{{segment}}" }"""))).EnsureSuccessStatusCode();
        var page = await fixture.SignedInPageAsync($"/segments/edit/{segment}");

        await page.ClickAsync("#delete-segment");
        Assert.Contains("Draft needing it", await page.TextContentAsync("#segment-usage"));
        Assert.Contains("will fail to start", await page.TextContentAsync("#segment-usage"));
        await page.ReloadAsync();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.Client.GetAsync($"/api/segments/{segment}")).StatusCode);

        await page.ClickAsync("#delete-segment");
        await page.ClickAsync("#delete-segment-confirm");
        await page.WaitForURLAsync("**/segments");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Host.Client.GetAsync($"/api/segments/{segment}")).StatusCode);
    }
}
