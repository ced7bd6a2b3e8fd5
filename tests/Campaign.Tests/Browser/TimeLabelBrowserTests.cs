using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>Every time an admin page shows says its zone, to the minute.</summary>
[Collection(CampaignFlowCollection.Name)]
public partial class TimeLabelBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task Every_time_on_the_admin_pages_names_its_zone()
    {
        var area = "Tz" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.reportedAt,consent.kind,consent.at\n")
            .Append($"{area}-1,Tia Zone,{TestCustomers.Phone(1_600_001)},{area},{TestZones.Afternoon},water,2026-10-02T09:30:00Z,express,2020-01-01\n");
        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        (await fixture.Host.Client.PostAsync("/api/segments", InProcessHost.Json($$"""{ "name": "Zone {{area}}", "criteria": { "area": ["{{area}}"] } }"""))).EnsureSuccessStatusCode();
        (await fixture.Host.Client.PostAsync("/api/schedules", InProcessHost.Json($$"""
            { "campaign": { "name": "Weekly {{area}}", "criteria": { "area": ["{{area}}"] } }, "cron": "0 9 * * MON", "timeZone": "Europe/Lisbon" }
            """))).EnsureSuccessStatusCode();
        (await fixture.Host.Client.PostAsync("/api/dnc", InProcessHost.Json($$"""{ "phone": "{{TestCustomers.Phone(1_600_009)}}", "reason": "asked" }"""))).EnsureSuccessStatusCode();
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Zones {{area}}", "criteria": { "area": ["{{area}}"] }, "retryPolicy": { "maxAttempts": 1 } }"""));
        created.EnsureSuccessStatusCode();
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await fixture.Host.Client.PostAsync($"/api/campaigns/{campaign}/start", null)).EnsureSuccessStatusCode();
        await CalleeCampaign.WaitForCompletionAsync(fixture.Host.Client, campaign, TimeSpan.FromSeconds(45));
        var call = (await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/calls")).GetProperty("items")[0].GetProperty("id").GetString();

        var page = await fixture.SignedInPageAsync("/campaigns");
        (string Path, int AtLeast)[] pages =
        [
            ("/campaigns", 1), ($"/campaigns/{campaign}", 1), ($"/campaigns/{campaign}/calls", 1), ($"/calls/{call}", 2), ($"/customers?q={area}", 1), ($"/customers/{area}-1", 3),
            ("/segments", 1), ("/scripts", 0), ("/do-not-call", 2), ("/schedules", 5), ("/system", 0),
        ];
        var unlabelled = new List<string>();
        foreach (var (path, atLeast) in pages)
        {
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            var times = await page.Locator("main time").AllInnerTextsAsync();
            Assert.True(times.Count >= atLeast, $"{path} shows {times.Count} times, expected at least {atLeast}");
            unlabelled.AddRange(times.Where(t => !Labelled().IsMatch(t.Trim())).Select(t => $"{path}: '{t}'"));
        }

        Assert.True(unlabelled.Count == 0, "times without their zone:\n" + string.Join('\n', unlabelled));

        // The dashboard's recent calls, rewritten by its script as calls end, say their zone too.
        await page.GotoAsync($"/campaigns/{campaign}");
        await page.WaitForFunctionAsync("() => document.querySelector('#recent-calls tr td:last-child')?.textContent.endsWith(' UTC')");
        Assert.Matches(Labelled(), (await page.TextContentAsync("#recent-calls tr td:last-child"))!);
        Assert.Contains("the customer's local weekday", await page.TextContentAsync("#heat-title"));
    }

    // "2026-12-05 11:40 UTC", "2026-12-05 11:40:07 UTC", "Mon 2026-12-07 09:00 Europe/Lisbon".
    [GeneratedRegex(@"^(\w{3} )?\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? (UTC|[A-Za-z_]+(/[A-Za-z_+-]+)+)$")]
    private static partial Regex Labelled();
}
