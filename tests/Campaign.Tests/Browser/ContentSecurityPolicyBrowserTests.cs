using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Http;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>Every admin page runs under the strict Content-Security-Policy without the browser blocking anything it needs.</summary>
/// <remarks>In the campaign-flow collection: it creates a campaign, which the tests expecting an empty list must not see.</remarks>
[Collection(CampaignFlowCollection.Name)]
public class ContentSecurityPolicyBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task No_admin_page_has_anything_blocked_by_the_policy_and_the_dashboard_still_goes_live()
    {
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json("""{ "name": "Policy check", "criteria": { "area": ["Nowhere"] } }"""));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var page = await fixture.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.GotoAsync("/login");
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", InProcessHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

        foreach (var path in new[] { "/", "/campaigns", "/campaigns/new", "/customers", "/segments", "/segments/edit", "/scripts", "/scripts/edit", "/do-not-call", "/schedules", "/webhooks", "/system", "/insights" })
        {
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        }

        await page.GotoAsync($"/campaigns/{id}");
        await page.WaitForSelectorAsync("#live.on");

        Assert.Empty(blocked);
    }
}
