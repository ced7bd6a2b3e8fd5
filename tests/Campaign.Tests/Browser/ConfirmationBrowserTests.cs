using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Http;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>Actions that cannot be undone ask first, say what will happen, and do nothing until confirmed.</summary>
[Collection(CampaignFlowCollection.Name)]
public class ConfirmationBrowserTests(CampaignFlowFixture fixture)
{
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
