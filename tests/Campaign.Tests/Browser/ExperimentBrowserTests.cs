using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Browser;

/// <summary>A campaign trying two scripts with learned timing: its dashboard shows each variant and the expected against the actual answer rate.</summary>
[Collection(CampaignFlowCollection.Name)]
public class ExperimentBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task The_dashboard_shows_each_variants_rate_and_state_and_learned_timings_expected_against_actual_answers()
    {
        var area = "Exb" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.reportedAt,issue.text,consent.kind,consent.at\n");
        for (var i = 0; i < 12; i++)
        {
            csv.Append($"{area}-{i},Customer {i},{TestCustomers.Phone(696_000 + i)},{area},{TestZones.Afternoon},electricity,2026-11-20T09:00:00Z,power cuts at night,express,2020-01-01\n");
        }

        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var plain = await fixture.Host.CreateScriptAsync("Plain opener " + area, "Hello, this is Alex from City Power.");
        var personal = await fixture.Host.CreateScriptAsync("Personal opener " + area, "Hello {{customer.firstName}}, this is Alex from City Power about {{customer.latestIssue.text}}.");
        var created = await fixture.Host.PostJsonAsync("/api/campaigns", $$"""
            { "name": "Openers {{area}}", "criteria": { "area": ["{{area}}"] }, "timing": "learned", "maxHold": "PT0S", "retryPolicy": { "maxAttempts": 1 },
              "experiment": { "variants": [ { "scriptId": "{{plain}}", "name": "Plain" }, { "scriptId": "{{personal}}", "name": "Personal" } ] } }
            """);
        var id = created.GetProperty("id").GetString()!;
        (await fixture.Host.Client.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();
        var stats = await CalleeCampaign.WaitForCompletionAsync(fixture.Host.Client, id, TimeSpan.FromSeconds(60));
        var placed = stats.GetProperty("results").EnumerateObject().Where(r => r.Name != "cancelled").Sum(r => r.Value.GetInt32());

        var page = await fixture.SignedInPageAsync($"/campaigns/{id}");

        var rows = page.Locator("#experiment-variants tr");
        Assert.Equal(2, await rows.CountAsync());
        var names = await page.Locator("#experiment-variants tr td:first-child").AllTextContentsAsync();
        Assert.Equal(["Plain", "Personal"], names.Select(n => n.Split(' ')[0]));
        var calls = await page.Locator("#experiment-variants tr td:nth-child(3)").AllTextContentsAsync();
        Assert.Equal(placed, calls.Sum(int.Parse));
        Assert.All(await page.Locator("#experiment-variants tr td:nth-child(6)").AllTextContentsAsync(),
            state => Assert.Contains(state, new[] { "taking customers", "winner", "stopped: lost to the winner", "stopped: clearly worse" }));
        Assert.Matches(@"^(No winner yet|Winner: (Plain|Personal))", await page.TextContentAsync("#experiment-winner"));
        Assert.Matches(@"^\d+% / \d+%$", (await page.TextContentAsync("#learned-timing"))!.Trim());
        Assert.Matches(@"^over \d+ calls$", await page.GetAttributeAsync("#learned-timing", "title"));
        await Screenshots.SaveAsync(page, "campaign-experiment.png");
    }
}
