using System.Text;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>The editing pages: segment builder, script editor, do-not-call list, schedules and a customer's profile.</summary>
[Collection(BrowserCollection.Name)]
public class AdminPagesBrowserTests(BrowserFixture fixture)
{
    private const string RootAdd = "#builder-root > .cond-group > .cond-add";

    private static Task ScreenshotAsync(IPage page, string name) => Screenshots.SaveAsync(page, name);

    private async Task<IPage> SignedInPageAsync(string path, int width = 1280, int height = 800)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync(path);
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", InProcessHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Customers in a fresh area: <paramref name="count"/> of them, the first <paramref name="vip"/> tagged vip.</summary>
    private async Task<string> ImportAreaAsync(int count, int vip, int phoneBase)
    {
        var area = "Pg" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,tags,issue.category,issue.text,consent.kind,consent.at\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append($"{area}-{i},Ana Customer{i},{TestCustomers.Phone(phoneBase + i)},{area},{TestZones.Afternoon},{(i < vip ? "vip" : "")},water,low pressure,express,2020-01-01\n");
        }

        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        return area;
    }

    private async Task<string> SaveSegmentAsync(string area)
    {
        var response = await fixture.Host.Client.PostAsync("/api/segments", InProcessHost.Json($$"""{ "name": "Area {{area}}", "criteria": { "area": ["{{area}}"] } }"""));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task AddConditionAsync(IPage page, string kind)
    {
        await page.SelectOptionAsync($"{RootAdd} select", kind);
        await page.ClickAsync($"{RootAdd} button");
    }

    private static Task WaitForCountAsync(IPage page, int count) =>
        page.WaitForFunctionAsync($"() => document.getElementById('preview-count').textContent === '{count}'");

    [ChromiumFact]
    public async Task A_segment_is_built_with_a_live_count_and_sample_then_saved()
    {
        var area = await ImportAreaAsync(count: 5, vip: 2, phoneBase: 610_000);
        var page = await SignedInPageAsync("/segments/edit");
        Assert.True(await page.IsVisibleAsync("#builder"), "the builder replaces the bare JSON box");

        await AddConditionAsync(page, "area");
        await page.FillAsync("[data-path='criteria.all[0]'] [data-role=areas]", area);
        await WaitForCountAsync(page, 5);
        await Assertions.Expect(page.Locator("#preview-sample tbody tr a")).ToHaveCountAsync(5);

        await AddConditionAsync(page, "tag");
        await page.FillAsync("[data-path='criteria.all[1]'] [data-role=tag]", "vip");
        await WaitForCountAsync(page, 2);
        await page.ClickAsync("[data-path='criteria.all[1]'] [data-role=not]");
        await WaitForCountAsync(page, 3);
        Assert.Contains("\"not\"", await page.InputValueAsync("#criteria-json"));

        await AddConditionAsync(page, "contact");
        await page.SelectOptionAsync("[data-path='criteria.all[2]'] select", "answeredWithinDays");
        await page.WaitForSelectorAsync("#criteria-error:not([hidden])");
        Assert.Contains("days", await page.TextContentAsync("#criteria-error"));
        await Assertions.Expect(page.Locator("#builder-root .invalid")).ToHaveCountAsync(1);
        await page.ClickAsync("[data-path='criteria.all[2]'] [data-role=remove]");
        await WaitForCountAsync(page, 3);
        Assert.True(await page.IsHiddenAsync("#criteria-error"));
        await ScreenshotAsync(page, "segment-builder.png");

        await page.FillAsync("#seg-name", "Not vip in " + area);
        await page.ClickAsync("#save-segment");
        await page.WaitForURLAsync("**/segments");
        var row = page.Locator("#segments tr", new() { HasText = "Not vip in " + area });
        Assert.Equal("3", (await row.Locator("td.num").TextContentAsync())?.Trim());

        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/segments/edit/*");
        await WaitForCountAsync(page, 3);
        await Assertions.Expect(page.Locator("#builder-root > .cond-group > .cond-items > *")).ToHaveCountAsync(2);
    }

    [ChromiumFact]
    public async Task A_script_with_an_unknown_variable_is_refused_then_fixed_and_previewed_for_a_customer()
    {
        var area = await ImportAreaAsync(count: 1, vip: 0, phoneBase: 620_000);
        var page = await SignedInPageAsync("/scripts/edit");
        await page.FillAsync("#name", "Pressure check");
        await page.FillAsync("#agentName", "Alex");
        await page.FillAsync("#company", "Lakeshore Water");
        await page.FillAsync("#goal", "Find out whether the water pressure is back.");
        await page.FillAsync("#opening", "Hello {{customer.nmae}}, is the pressure back?");
        await page.FillAsync("#talkingPoints", "Crews worked in {{customer.area}}.\n\nThanks for your patience.");
        await page.FillAsync("#closing", "Thank you, goodbye.");
        await page.ClickAsync("#save-script");

        await page.WaitForSelectorAsync("[data-error-for=opening]");
        Assert.Contains("unknown variable {{customer.nmae}}", await page.TextContentAsync("[data-error-for=opening]"));
        Assert.Contains("line 2", await page.TextContentAsync("[data-error-for=talkingPoints]"));
        Assert.Equal("Alex", await page.InputValueAsync("#agentName"));

        await page.FillAsync("#talkingPoints", "Crews worked in {{customer.area}}.");
        await page.FillAsync("#opening", "Hello , is the pressure back?");
        await page.FocusAsync("#opening");
        await page.EvaluateAsync("() => document.getElementById('opening').setSelectionRange(6, 6)");
        await page.ClickAsync("[data-insert='{{customer.firstName}}']");
        Assert.Equal("Hello {{customer.firstName}}, is the pressure back?", await page.InputValueAsync("#opening"));
        await page.ClickAsync("#save-script");
        await page.WaitForURLAsync("**/scripts/edit/scr-*");
        Assert.Contains("Saved version 1", await page.TextContentAsync(".flash"));
        await Assertions.Expect(page.Locator("#versions li")).ToHaveCountAsync(1);

        await page.FillAsync("#customer", $"{area}-0");
        await page.ClickAsync("#preview-button");
        await page.WaitForSelectorAsync("#preview-opening");
        Assert.Equal("Hello Ana, is the pressure back?", await page.TextContentAsync("#preview-opening"));
        Assert.Contains("Lakeshore Water", await page.TextContentAsync("#preview-disclosure"));
        await ScreenshotAsync(page, "script-editor.png");
    }

    [ChromiumFact]
    public async Task Customers_are_paged_past_the_first_page_and_found_by_name_phone_or_id()
    {
        var area = await ImportAreaAsync(count: 60, vip: 0, phoneBase: 660_000);
        var page = await SignedInPageAsync($"/customers?area={area}");
        await Assertions.Expect(page.Locator("#customers tbody tr")).ToHaveCountAsync(50);
        Assert.Equal("Page 1 of 2", await page.TextContentAsync(".pager span"));

        await page.ClickAsync(".pager a[rel=next]");
        await page.WaitForURLAsync("**page=2*");
        Assert.Equal("Page 2 of 2", await page.TextContentAsync(".pager span"));
        await Assertions.Expect(page.Locator("#customers tbody tr")).ToHaveCountAsync(10);
        Assert.Equal($"{area}-50", await page.TextContentAsync("#customers tbody tr:first-child code"));

        await page.GotoAsync("/customers");
        await page.FillAsync("#q", "customer42");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForURLAsync("**q=customer42*");
        Assert.Contains($"{area}-42", await page.TextContentAsync("#customers tbody"));
        Assert.Contains("matching", await page.TextContentAsync("h1"));

        var phone = TestCustomers.Phone(660_017);
        var formatted = $"({phone[2..5]}) {phone[5..8]}-{phone[8..]}";
        await page.FillAsync("#q", formatted);
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForSelectorAsync($"#customers tbody tr:has-text('{area}-17')");
        await Assertions.Expect(page.Locator("#customers tbody tr")).ToHaveCountAsync(1);

        await page.FillAsync("#q", $"{area}-59");
        await page.FillAsync("#area", area);
        await page.ClickAsync("form[role=search] button[type=submit]");
        await page.WaitForURLAsync($"**q={area}-59*");
        await Assertions.Expect(page.Locator("#customers tbody tr")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "customers-search.png");
    }

    [ChromiumFact]
    public async Task A_number_is_added_to_and_removed_from_do_not_call_and_both_changes_are_in_the_history()
    {
        var phone = TestCustomers.Phone(630_001);
        var page = await SignedInPageAsync("/do-not-call", 390, 844);

        await page.FillAsync("#phone", "not a number");
        await page.ClickAsync("#dnc-add button[type=submit]");
        await page.WaitForSelectorAsync("#phone-error");

        await page.FillAsync("#phone", phone);
        await page.FillAsync("#reason", "asked by letter");
        await page.ClickAsync("#dnc-add button[type=submit]");
        await page.WaitForSelectorAsync($"#dnc tr:has-text('{phone}')");
        var added = page.Locator($"#dnc-history tbody tr:has-text('{phone}')");
        Assert.Equal(1, await added.CountAsync());
        Assert.Contains("added", await added.TextContentAsync());
        Assert.Contains("admin:" + InProcessHost.AdminUser, await added.TextContentAsync());

        // Removing asks first, with a reason: opening the confirmation and leaving changes nothing.
        var row = page.Locator($"#dnc tr:has-text('{phone}')");
        await row.Locator("summary:has-text('Remove')").ClickAsync();
        Assert.Contains("may call", await row.Locator(".confirm-panel").TextContentAsync());
        await page.ReloadAsync();
        Assert.Equal(1, await page.Locator($"#dnc tr:has-text('{phone}')").CountAsync());

        await row.Locator("summary:has-text('Remove')").ClickAsync();
        await row.Locator("input[name=Reason]").FillAsync("consent given again in writing");
        await row.Locator("button:has-text('Take off the list')").ClickAsync();
        await page.Locator($"#dnc tr:has-text('{phone}')").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Contains("taken off", await page.TextContentAsync(".flash"));
        var history = page.Locator($"#dnc-history tbody tr:has-text('{phone}')");
        Assert.Equal(2, await history.CountAsync());
        Assert.Contains("removed", await history.First.TextContentAsync());
        Assert.Contains("consent given again in writing", await history.First.TextContentAsync());

        var second = TestCustomers.Phone(630_002);
        await page.FillAsync("#numbers", $"phone\n{second}\nnonsense\n");
        await page.ClickAsync("#dnc-import button[type=submit]");
        await page.WaitForSelectorAsync("#dnc-rejections");
        Assert.Equal("3", await page.TextContentAsync("#dnc-rejections tbody td"));
        Assert.Equal(1, await page.Locator($"#dnc tr:has-text('{second}')").CountAsync());
        await ScreenshotAsync(page, "do-not-call-phone.png");
    }

    [ChromiumFact]
    public async Task A_repeating_schedule_is_created_and_shows_its_next_runs()
    {
        var area = await ImportAreaAsync(count: 1, vip: 0, phoneBase: 640_000);
        var segmentId = await SaveSegmentAsync(area);
        var page = await SignedInPageAsync("/schedules");

        var name = "Weekly " + area;
        await page.FillAsync("#s-name", name);
        await page.CheckAsync($"#s-segments input[value='{segmentId}']");
        await page.CheckAsync("input[name='Form.Kind'][value=cron]");
        await page.FillAsync("#s-cron", "not a cron");
        await page.FillAsync("#s-zone", "Europe/Lisbon");
        await page.ClickAsync("#schedule-form button[type=submit]");
        await page.WaitForSelectorAsync("#schedule-form .field-error");
        Assert.Contains("choose the script", await page.TextContentAsync("#schedule-form .field-error"));
        Assert.Equal(name, await page.InputValueAsync("#s-name"));

        await page.SelectOptionAsync("#s-script", "builtin");
        await page.ClickAsync("#schedule-form button[type=submit]");
        await page.WaitForSelectorAsync("#schedule-form .field-error:has-text('cron')");
        Assert.Equal("builtin", await page.InputValueAsync("#s-script"));

        await page.FillAsync("#s-cron", "0 9 * * MON");
        await page.ClickAsync("#schedule-form button[type=submit]");
        await page.WaitForSelectorAsync(".flash");
        Assert.Contains("next runs at", await page.TextContentAsync(".flash"));
        var schedule = page.Locator("section.schedule", new() { HasText = name });
        var runs = schedule.Locator(".next-runs time");
        Assert.True(await runs.CountAsync() >= 1);
        Assert.StartsWith("Mon ", await runs.First.TextContentAsync());
        Assert.EndsWith("09:00 Europe/Lisbon", await runs.First.TextContentAsync());
        await ScreenshotAsync(page, "schedules.png");

        await schedule.Locator("summary:has-text('Delete')").ClickAsync();
        Assert.Contains("cancels its runs to come", await schedule.Locator(".confirm-panel").TextContentAsync());
        await schedule.Locator("button:has-text('Delete the schedule')").ClickAsync();
        await schedule.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Contains("is deleted", await page.TextContentAsync(".flash"));
    }

    [ChromiumFact]
    public async Task A_customer_profile_shows_the_contact_history_and_toggles_do_not_call()
    {
        var area = await ImportAreaAsync(count: 1, vip: 1, phoneBase: 650_000);
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json(
            $$"""{ "name": "Profile {{area}}", "criteria": { "area": ["{{area}}"] }, "retryPolicy": { "maxAttempts": 1 } }"""));
        created.EnsureSuccessStatusCode();
        var campaignId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        (await fixture.Host.Client.PostAsync($"/api/campaigns/{campaignId}/start", null)).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (JsonDocument.Parse(await fixture.Host.Client.GetStringAsync($"/api/campaigns/{campaignId}")).RootElement.GetProperty("status").GetString() != "completed")
        {
            Assert.True(DateTime.UtcNow < deadline, "the one-customer campaign completes");
            await Task.Delay(200);
        }

        var page = await SignedInPageAsync($"/customers?area={area}");
        await page.ClickAsync($"#customers a:has-text('Ana Customer0')");
        await page.WaitForURLAsync($"**/customers/{area}-0");
        Assert.Contains("vip", await page.TextContentAsync("#profile"));
        Assert.Contains("low pressure", await page.TextContentAsync("#issues"));
        var attempt = page.Locator("#contacts tbody tr");
        Assert.Equal(1, await attempt.CountAsync());
        Assert.Contains($"Profile {area}", await attempt.TextContentAsync());

        // The virtual customer may have asked not to be called again during the call (it depends on the hour).
        var calls = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync($"/api/campaigns/{campaignId}/calls")).RootElement.GetProperty("items");
        var outcome = calls[0].GetProperty("outcome");
        var optedOut = outcome.ValueKind == JsonValueKind.Object && outcome.GetProperty("optedOut").GetBoolean();
        Assert.Equal(optedOut ? "do not call" : "callable", await page.TextContentAsync("#dnc-status"));
        await ScreenshotAsync(page, "customer-profile.png");
        if (optedOut)
        {
            await AllowCallsAsync(page, "wrote to us to be called again");
            Assert.Equal("callable", await page.TextContentAsync("#dnc-status"));
        }

        var changesBefore = await page.Locator("#dnc-changes li").CountAsync();
        await page.FillAsync("#dnc-reason", "asked at the door");
        await page.ClickAsync("#mark-dnc");
        await page.WaitForSelectorAsync("#allow-calls");
        Assert.Equal("do not call", await page.TextContentAsync("#dnc-status"));
        Assert.Contains("asked at the door", await page.TextContentAsync("#dnc-changes"));

        // Opening the confirmation and leaving it changes nothing.
        await page.ClickAsync("#allow-calls");
        Assert.Contains("may call", await page.TextContentAsync("details.confirm[open] .confirm-panel"));
        await page.ReloadAsync();
        Assert.Equal("do not call", await page.TextContentAsync("#dnc-status"));

        await AllowCallsAsync(page, "consent given again in writing");
        Assert.Equal(changesBefore + 2, await page.Locator("#dnc-changes li").CountAsync());
        Assert.Contains("consent given again in writing", await page.TextContentAsync("#dnc-changes"));

        await attempt.Locator("a[href^='/calls/']").ClickAsync();
        await page.WaitForURLAsync("**/calls/*");
    }

    private static async Task AllowCallsAsync(IPage page, string reason)
    {
        await page.ClickAsync("#allow-calls");
        await page.FillAsync("#allow-reason", reason);
        await page.ClickAsync("#allow-calls-confirm");
        await page.WaitForSelectorAsync("#mark-dnc");
    }
}
