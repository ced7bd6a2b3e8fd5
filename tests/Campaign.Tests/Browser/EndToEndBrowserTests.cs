using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>The operator's whole day in one browser: import, segment, campaign, live dashboard, transcript, follow-ups.</summary>
[Collection(CampaignFlowCollection.Name)]
public class EndToEndBrowserTests(CampaignFlowFixture fixture)
{
    private const int Customers = 24;
    private const string RootAdd = "#builder-root > .cond-group > .cond-add";

    [ChromiumFact]
    public async Task An_operator_imports_segments_calls_watches_live_reads_a_transcript_and_exports_follow_ups()
    {
        var clock = Stopwatch.StartNew();
        var area = "E2e" + Guid.NewGuid().ToString("N")[..8];
        var page = await fixture.NewPageAsync();

        // Signing in from a deep link lands back on it.
        await page.GotoAsync("/customers");
        Assert.Contains("/login?ReturnUrl=%2Fcustomers", page.Url);
        await Screenshots.SaveAsync(page, "login.png");
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", InProcessHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/customers");

        // Import a CSV with one bad row.
        var reported = DateTimeOffset.UtcNow.AddDays(-10).ToString("O");
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.reportedAt,issue.text,consent.kind,consent.at\n");
        for (var i = 0; i < Customers; i++)
        {
            csv.Append($"{area}-{i:D2},Customer {i},{TestCustomers.Phone(650_000 + i)},{area},{TestZones.Afternoon},electricity,{reported},power cuts at night,express,2020-01-01\n");
        }

        csv.Append($"{area}-bad,Nobody,12,{area},{TestZones.Afternoon},electricity,{reported},no phone,express,2020-01-01\n");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "customers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForSelectorAsync("#import-summary");
        Assert.Equal($"Imported {Customers}, updated 0, rejected 1.", await page.TextContentAsync("#import-summary"));
        await Screenshots.SaveAsync(page, "customers.png");

        // Build a segment and see its count before saving it.
        await page.GotoAsync("/segments/edit");
        await page.SelectOptionAsync($"{RootAdd} select", "area");
        await page.ClickAsync($"{RootAdd} button");
        await page.FillAsync("[data-path='criteria.all[0]'] [data-role=areas]", area);
        await page.WaitForFunctionAsync($"() => document.getElementById('preview-count').textContent === '{Customers}'");
        await page.FillAsync("#seg-name", "Outages in " + area);
        await page.ClickAsync("#save-segment");
        await page.WaitForURLAsync("**/segments");
        var row = page.Locator("#segments tr", new() { HasText = "Outages in " + area });
        Assert.Equal(Customers.ToString(), (await row.Locator("td.num").TextContentAsync())?.Trim());
        await Screenshots.SaveAsync(page, "segments.png");
        await page.GotoAsync("/scripts");
        await Screenshots.SaveAsync(page, "scripts.png");

        // Create and start the campaign from the form.
        await page.GotoAsync("/campaigns");
        await page.ClickAsync("#new-campaign");
        await page.WaitForURLAsync("**/campaigns/new");
        await page.FillAsync("#name", "Outage follow-up " + area);
        await page.SelectOptionAsync("#segment", new SelectOptionValue { Label = "Outages in " + area });
        await page.SelectOptionAsync("#script", "builtin");
        await page.FillAsync("#concurrency", "6");
        await page.FillAsync("#attempts", "2");
        foreach (var kind in new[] { "noAnswer", "busy", "failed", "voicemail" })
        {
            await page.FillAsync($"#delay-{kind}", "PT1S");
        }

        await page.CheckAsync("input[name='Input.Start'][value=now]");
        await page.ClickAsync("#create button[type=submit]");
        await page.WaitForURLAsync("**/campaigns/cmp-*");
        var campaignId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await page.EvaluateAsync("""
            () => {
              window.notReloaded = true;
              window.mostInFlight = 0;
              const list = document.getElementById('live-calls');
              const count = () => { window.mostInFlight = Math.max(window.mostInFlight, list.querySelectorAll("a[href^='/calls/']").length); };
              count();
              new MutationObserver(count).observe(list, { childList: true, subtree: true });
            }
            """);

        // Watch it live until it completes.
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent === 'completed'", null, new() { Timeout = 45_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the dashboard updated without a reload");
        Assert.InRange(await page.EvaluateAsync<int>("() => window.mostInFlight"), 1, 6);
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-stat=finished]').textContent === '{Customers}'");
        Assert.Equal("(0)", await page.TextContentAsync("#inflight-count"));
        await page.WaitForSelectorAsync("#recent-calls a");
        await Screenshots.SaveAsync(page, "campaign-dashboard.png");

        // The follow-ups list and its CSV agree with the API.
        var followUps = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync($"/api/campaigns/{campaignId}/follow-ups")).RootElement;
        Assert.True(followUps.GetArrayLength() > 0, "interested customers asked for more information");
        await page.WaitForFunctionAsync($"() => document.getElementById('followups-count').textContent === '({followUps.GetArrayLength()})'");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#followups-csv"));
        var downloaded = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = downloaded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("customerId,name,phone,area,followUp,followUpAt,followUpLocal,timeZone,interest,summary,callId,calledAt", lines[0]);
        Assert.Equal(followUps.GetArrayLength(), lines.Length - 1);
        var first = followUps[0];
        Assert.StartsWith($"{first.GetProperty("customerId").GetString()},{first.GetProperty("name").GetString()},", lines[1]);
        Assert.All(lines.Skip(1), line => Assert.Contains($",{area},", line));

        // A call's transcript.
        var callLink = page.Locator("#follow-ups a[href^='/calls/']").First;
        var callId = await callLink.TextContentAsync();
        await callLink.ClickAsync();
        await page.WaitForURLAsync($"**/calls/{callId}");
        Assert.True(await page.Locator("#transcript li").CountAsync() >= 2, "the transcript shows both sides");
        await Screenshots.SaveAsync(page, "call-detail.png");

        await page.GotoAsync("/campaigns");
        await Screenshots.SaveAsync(page, "campaigns.png");
        await page.GotoAsync("/system");
        await Screenshots.SaveAsync(page, "system.png");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the whole flow took {clock.Elapsed}");
    }

    [ChromiumFact]
    public async Task An_unauthenticated_browser_is_sent_to_the_login()
    {
        var page = await fixture.NewPageAsync();
        foreach (var path in new[] { "/campaigns", "/campaigns/new", "/segments", "/scripts", "/system" })
        {
            await page.GotoAsync(path);
            Assert.Contains("/login?ReturnUrl=" + Uri.EscapeDataString(path), page.Url);
        }

        Assert.True(await page.IsVisibleAsync("#password"));
    }
}
