using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>axe-core finds no accessibility violation on any admin page, with real data on it.</summary>
[Collection(CampaignFlowCollection.Name)]
public class AccessibilityBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task Every_admin_page_passes_axe_core_with_no_violation()
    {
        var area = "Axe" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text,consent.kind,consent.at\n")
            .Append($"{area}-1,Ada Axe,{TestCustomers.Phone(690_001)},{area},{TestZones.Afternoon},electricity,lights flicker,express,2020-01-01\n");
        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Axe {{area}}", "criteria": { "area": ["{{area}}"] }, "retryPolicy": { "maxAttempts": 1 } }"""));
        created.EnsureSuccessStatusCode();
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await fixture.Host.Client.PostAsync($"/api/campaigns/{campaign}/start", null)).EnsureSuccessStatusCode();
        await CalleeCampaign.WaitForCompletionAsync(fixture.Host.Client, campaign!, TimeSpan.FromSeconds(45));
        var calls = await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/calls");
        var call = calls.GetProperty("items")[0].GetProperty("id").GetString();

        var page = await fixture.NewPageAsync();
        var violations = new List<string>();
        await CheckAsync(page, "/login", violations);
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", InProcessHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

        string[] paths =
        [
            "/campaigns", "/campaigns/new", $"/campaigns/{campaign}", $"/campaigns/{campaign}/calls", $"/campaigns/{campaign}/calls?result=answered&q=Ada", $"/calls/{call}", "/customers", $"/customers/{area}-1",
            "/segments", "/segments/edit", "/scripts", "/scripts/edit", "/do-not-call", "/do-not-call?q=555", "/schedules", "/webhooks", "/system", "/insights", $"/insights?segment=area:{area}",
        ];
        foreach (var path in paths)
        {
            await CheckAsync(page, path, violations);
        }

        Assert.True(violations.Count == 0, "axe-core violations:\n" + string.Join('\n', violations));

        // The checker does run: a page with an image and no alternative text is caught.
        await page.SetContentAsync("<html lang='en'><head><title>t</title></head><body><main><img src='x.png'></main></body></html>");
        Assert.Contains((await page.RunAxe()).Violations, v => v.Id == "image-alt");
    }

    private static async Task CheckAsync(IPage page, string path, List<string> violations)
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var result = await page.RunAxe();
        violations.AddRange(result.Violations.Select(v =>
            $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
    }
}
