using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class AdminUiBrowserTests(BrowserFixture fixture)
{
    private const int Audience = 30;

    private static async Task SignInAsync(IPage page, string password = InProcessHost.AdminPassword)
    {
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    private static Task ScreenshotAsync(IPage page, string name) => Screenshots.SaveAsync(page, name);

    private async Task<string> SeedSegmentAsync()
    {
        var area = "Ui" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text,consent.kind,consent.at\n");
        for (var i = 0; i < Audience; i++)
        {
            csv.Append($"{area}-{i:D3},Customer {i},{TestCustomers.Phone(700_000 + i)},{area},{TestZones.Afternoon},water,low pressure,express,2020-01-01\n");
        }

        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var segment = await fixture.Host.Client.PostAsync("/api/segments", InProcessHost.Json($$"""{ "name": "Area {{area}}", "criteria": { "area": ["{{area}}"] } }"""));
        segment.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await segment.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [ChromiumFact]
    public async Task An_operator_creates_starts_and_watches_a_campaign_live_then_opens_a_call()
    {
        var segmentId = await SeedSegmentAsync();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/campaigns");
        Assert.EndsWith("/login?ReturnUrl=%2Fcampaigns", page.Url);
        await SignInAsync(page);
        await page.WaitForURLAsync("**/campaigns");
        Assert.True(await page.IsVisibleAsync("#campaigns-empty"), "the empty state is shown before any campaign exists");
        await page.ClickAsync("#new-campaign");
        await page.WaitForURLAsync("**/campaigns/new");

        await page.FillAsync("#name", "Water pressure follow-up");
        await page.SelectOptionAsync("#segment", segmentId);
        await page.SelectOptionAsync("#script", "builtin");
        await page.FillAsync("#concurrency", "1");
        await page.FillAsync("#attempts", "1");
        await page.ClickAsync("#create button[type=submit]");
        await page.WaitForURLAsync("**/campaigns/cmp-*");
        Assert.Equal("draft", await page.TextContentAsync("#status"));

        await page.ClickAsync("[data-actions] summary:has-text('Start')");
        Assert.Contains($"This will call {Audience} people now", await page.TextContentAsync("[data-start-preview]"));
        await page.ClickAsync("[data-actions] button:has-text('Start calling now')");
        await page.WaitForURLAsync("**/campaigns/cmp-*");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        Assert.Equal("running", await page.TextContentAsync("#status"));
        await page.WaitForFunctionAsync("() => document.getElementById('status').textContent === 'completed'", null, new() { Timeout = 45_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the dashboard updated without a reload");
        Assert.True(await page.Locator("dd.changed").CountAsync() > 0, "numbers were updated by the live stream");
        Assert.Equal(Audience.ToString(), await page.TextContentAsync("[data-stat=finished]"));
        Assert.Equal(Audience.ToString(), await page.TextContentAsync("[data-stat=audience]"));
        Assert.True(await page.IsHiddenAsync("[data-actions] button:has-text('Pause')"), "a completed campaign offers no pause");
        Assert.EndsWith("%", await page.TextContentAsync("#abandon-rate"));
        Assert.Matches(@"^\d+\.\d s$", await page.TextContentAsync("#first-audio-avg"));
        Assert.True(await page.IsHiddenAsync("#paused-reason"), "a campaign that was never paused gives no pause reason");
        var results = 0;
        foreach (var kind in new[] { "answered", "noAnswer", "busy", "voicemail", "failed", "cancelled" })
        {
            results += int.Parse((await page.TextContentAsync($"[data-result={kind}]"))!);
        }

        Assert.Equal(Audience, results);
        await Assertions.Expect(page.Locator("#heatmap rect[data-cell]")).ToHaveCountAsync(168);
        Assert.True(await page.Locator("#heatmap rect[data-cell]:not([fill='#eef1f5'])").CountAsync() >= 1, "the heatmap shows the hour that was called");
        await page.WaitForSelectorAsync("#recent-calls a");
        await ScreenshotAsync(page, "dashboard.png");
        await page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync(page, "dashboard-phone.png");
        await page.SetViewportSizeAsync(1280, 800);

        var answered = page.Locator("#recent-calls tr:has-text('Answered') a");
        var link = await answered.CountAsync() > 0 ? answered.First : page.Locator("#recent-calls a").First;
        var callId = await link.TextContentAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/calls/{callId}");
        Assert.Contains(callId!, await page.TextContentAsync("h1"));
        Assert.True(await page.IsVisibleAsync("#timeline-title"));
        Assert.Contains("Customer ", await page.TextContentAsync("#call-customer"));
        Assert.Matches(@"^\w{3} \d{4}-\d{2}-\d{2} \d{2}:\d{2} Etc/", await page.TextContentAsync("#call-local-time"));
        Assert.True(await page.IsVisibleAsync("#outcome") || await page.IsVisibleAsync("text=No outcome"));
        if (await page.TextContentAsync("#call-result") == "Answered")
        {
            Assert.EndsWith("after the answer", await page.TextContentAsync("#first-audio"));
        }

        await ScreenshotAsync(page, "call.png");
        await page.GotoAsync("/campaigns");
        await Assertions.Expect(page.Locator("#campaigns tbody tr")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "campaigns.png");

        await page.ClickAsync("text=Sign out");
        await page.WaitForURLAsync("**/login");
        await page.GotoAsync("/campaigns");
        Assert.Contains("/login", page.Url);
    }

    [ChromiumFact]
    public async Task Customers_are_imported_from_a_file_with_rejected_rows_listed_and_then_found_by_area()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/customers");
        await SignInAsync(page);
        await page.WaitForURLAsync("**/customers");

        var area = "Imp" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"id,name,phone,area\n{area}-1,Ann,{TestCustomers.Phone(900_001)},{area}\n{area}-2,Bob,not-a-phone,{area}\n{area}-3,Cy,{TestCustomers.Phone(900_003)},{area}\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "customers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#import-form button[type=submit]");
        await page.WaitForSelectorAsync("#import-summary");
        Assert.Equal("Imported 2, updated 0, rejected 1.", await page.TextContentAsync("#import-summary"));
        Assert.Equal("3", await page.TextContentAsync("#import-rejections tbody tr td:first-child"));

        await page.FillAsync("#area", area);
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForURLAsync($"**/customers?*area={area}*");
        await Assertions.Expect(page.Locator("#customers tbody tr")).ToHaveCountAsync(2);
        await ScreenshotAsync(page, "customers-phone.png");

        await page.FillAsync("#area", "NoSuchArea");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForSelectorAsync("#customers-empty");
    }

    [ChromiumFact]
    public async Task A_wrong_password_shows_an_error_and_signs_nobody_in()
    {
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/login");
        await SignInAsync(page, "not the password");
        Assert.Contains("Wrong user name or password", await page.TextContentAsync("#login-error"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "campaign.admin");
        await page.GotoAsync("/system");
        Assert.Contains("/login", page.Url);
    }

    [ChromiumFact]
    public async Task Pages_and_the_orleans_dashboard_need_the_login()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/customers");
        Assert.Contains("/login", page.Url);
        var dashboard = await page.GotoAsync("/dashboard/");
        Assert.Contains("/login", page.Url);
        Assert.True(dashboard!.Ok, "the login page is shown instead");

        await SignInAsync(page);
        await page.WaitForURLAsync("**/dashboard/");
        Assert.DoesNotContain("/login", page.Url);

        await page.GotoAsync("/system");
        await Assertions.Expect(page.Locator("#silos tbody tr")).ToHaveCountAsync(1);
        Assert.Contains("simulated", await page.TextContentAsync("#calls-mode"));
        Assert.Equal(("Simulator", "Offline"), (await page.TextContentAsync("#provider-telephony"), await page.TextContentAsync("#provider-conversation")));
        await ScreenshotAsync(page, "system.png");
    }
}
