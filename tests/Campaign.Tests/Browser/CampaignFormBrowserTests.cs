using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

[Collection(CampaignFlowCollection.Name)]
public class CampaignFormBrowserTests(CampaignFlowFixture fixture)
{
    private async Task<string> SaveSegmentAsync(string area, int count, int phoneBase)
    {
        var csv = new System.Text.StringBuilder("id,name,phone,area,timeZone,consent.kind,consent.at\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append($"{area}-{i},Customer {i},{TestCustomers.Phone(phoneBase + i)},{area},{TestZones.Afternoon},express,2020-01-01\n");
        }

        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var saved = await fixture.Host.Client.PostAsync("/api/segments", InProcessHost.Json($$"""{ "name": "Form {{area}}", "criteria": { "area": ["{{area}}"] } }"""));
        saved.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task SubmitExpectingErrorAsync(IPage page, string field)
    {
        await page.ClickAsync("#create button[type=submit]");
        await page.WaitForSelectorAsync($"[data-error-for='{field}']");
        await Assertions.Expect(page.Locator(".field-error")).ToHaveCountAsync(1);
        Assert.True(await page.IsVisibleAsync("#create-error"));
    }

    [ChromiumFact]
    public async Task The_form_reaches_every_campaign_setting_shows_each_server_error_by_its_field_and_keeps_what_was_typed()
    {
        var area = "Form" + Guid.NewGuid().ToString("N")[..8];
        var north = await SaveSegmentAsync(area + "N", 2, 640_000);
        var south = await SaveSegmentAsync(area + "S", 2, 640_100);
        var page = await fixture.SignedInPageAsync("/campaigns/new");

        await page.FillAsync("#name", "Every setting " + area);
        await page.CheckAsync("input[name='Input.Audience'][value=variants]");
        Assert.True(await page.IsHiddenAsync("#segment"), "only the chosen audience's fields show");
        await page.SelectOptionAsync("#variant-0-segment", north);
        await page.SelectOptionAsync("#variant-0-script", "builtin");
        await page.SelectOptionAsync("#variant-1-segment", south);
        await page.SelectOptionAsync("#variant-1-script", "builtin");
        await page.FillAsync("#concurrency", "3");
        await page.FillAsync("#attempts", "2");
        await page.FillAsync("#delay-busy", "soon");
        await page.CheckAsync("input[name='Input.VoicemailAction'][value=leaveMessage]");
        await page.CheckAsync("input[name='Input.Days'][value=monday]");
        await page.CheckAsync("input[name='Input.Days'][value=friday]");
        await page.FillAsync("#window-from", "09:00");
        await page.FillAsync("#window-to", "18:30");
        await page.FillAsync("#window-zone", "Mars/Olympus");
        await page.FillAsync("#calls-per-day", "100");
        await page.FillAsync("#minutes-per-day", "60");
        await Screenshots.SaveAsync(page, "campaign-new.png");

        await SubmitExpectingErrorAsync(page, "retryPolicy.delays.busy");
        Assert.Equal("true", await page.GetAttributeAsync("#delay-busy", "aria-invalid"));
        Assert.Equal("soon", await page.InputValueAsync("#delay-busy"));
        Assert.Equal("Every setting " + area, await page.InputValueAsync("#name"));
        Assert.Equal(south, await page.InputValueAsync("#variant-1-segment"));
        Assert.True(await page.IsCheckedAsync("input[name='Input.Days'][value=friday]"));
        Assert.Equal("Mars/Olympus", await page.InputValueAsync("#window-zone"));
        Assert.True(await page.IsVisibleAsync("#voicemail-message"), "the chosen voicemail action stays chosen");
        await Screenshots.SaveAsync(page, "campaign-new-error.png");

        await page.FillAsync("#delay-busy", "PT10M");
        await SubmitExpectingErrorAsync(page, "voicemailPolicy.message");

        await page.FillAsync("#voicemail-message", "Hello from the water company, we will call again.");
        await SubmitExpectingErrorAsync(page, "callingWindow.timeZone");

        await page.FillAsync("#window-zone", "Europe/Lisbon");
        await page.ClickAsync("#create button[type=submit]");
        await page.WaitForURLAsync("**/campaigns/cmp-*");
        Assert.Equal("draft", await page.TextContentAsync("#status"));

        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var campaign = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync($"/api/campaigns/{id}")).RootElement;
        Assert.Equal([north, south], campaign.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("segmentId").GetString()));
        Assert.Equal(3, campaign.GetProperty("maxConcurrentCalls").GetInt32());
        Assert.Equal(2, campaign.GetProperty("retryPolicy").GetProperty("maxAttempts").GetInt32());
        Assert.Equal("PT10M", campaign.GetProperty("retryPolicy").GetProperty("delays").GetProperty("busy").GetString());
        Assert.Equal("leaveMessage", campaign.GetProperty("voicemailPolicy").GetProperty("action").GetString());
        var window = campaign.GetProperty("callingWindow");
        Assert.Equal("Europe/Lisbon", window.GetProperty("timeZone").GetString());
        Assert.Equal(2, window.GetProperty("days").GetArrayLength());
        Assert.Equal(100, campaign.GetProperty("maxCallsPerDay").GetInt32());
        Assert.Equal(60, campaign.GetProperty("maxMinutesPerDay").GetInt32());
    }

    [ChromiumFact]
    public async Task The_form_sets_learned_timing_and_an_experiment_and_shows_a_repeated_script_beside_its_field()
    {
        var area = "Frx" + Guid.NewGuid().ToString("N")[..8];
        var segment = await SaveSegmentAsync(area, 2, 640_300);
        var (plain, warm) = (await fixture.Host.CreateScriptAsync("Plain " + area), await fixture.Host.CreateScriptAsync("Warm " + area));
        var page = await fixture.SignedInPageAsync("/campaigns/new");
        await page.FillAsync("#name", "Experiment " + area);
        await page.SelectOptionAsync("#segment", segment);
        await page.SelectOptionAsync("#script", plain);
        await page.ClickAsync("details.experiment summary");
        await page.SelectOptionAsync("#experiment-script-0", plain);
        await page.SelectOptionAsync("#experiment-metric", "moreInfo");
        await page.SelectOptionAsync("#timing", "learned");
        await page.SelectOptionAsync("#max-hold", "PT4H");

        await SubmitExpectingErrorAsync(page, "experimentScripts[0]");
        Assert.Equal("true", await page.GetAttributeAsync("#experiment-script-0", "aria-invalid"));
        Assert.Equal("learned", await page.InputValueAsync("#timing"));

        await page.SelectOptionAsync("#experiment-script-0", warm);
        await page.ClickAsync("#create button[type=submit]");
        await page.WaitForURLAsync("**/campaigns/cmp-*");

        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var campaign = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync($"/api/campaigns/{id}")).RootElement;
        Assert.Equal(("learned", "PT4H"), (campaign.GetProperty("timing").GetString(), campaign.GetProperty("maxHold").GetString()));
        Assert.Equal(JsonValueKind.Null, campaign.GetProperty("scriptId").ValueKind);
        var experiment = campaign.GetProperty("experiment");
        Assert.Equal("moreInfo", experiment.GetProperty("metric").GetString());
        Assert.Equal([plain, warm], experiment.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("scriptId").GetString()));
        Assert.True(await page.IsVisibleAsync("#experiment"), "the dashboard shows the experiment");
        Assert.True(await page.IsVisibleAsync("#learned-timing"), "the dashboard shows expected against actual answers");
    }

    [ChromiumFact]
    public async Task Criteria_that_are_not_json_are_refused_next_to_the_criteria_box()
    {
        var page = await fixture.SignedInPageAsync("/campaigns/new");
        await page.FillAsync("#name", "Criteria check");
        await page.CheckAsync("input[name='Input.Audience'][value=criteria]");
        await page.FillAsync("#criteria", "{ area: Riverside");
        await page.SelectOptionAsync("#script", "builtin");

        await SubmitExpectingErrorAsync(page, "criteria");

        Assert.Equal("{ area: Riverside", await page.InputValueAsync("#criteria"));
        Assert.True(await page.IsCheckedAsync("input[name='Input.Audience'][value=criteria]"));
    }

    [ChromiumFact]
    public async Task A_campaign_set_to_start_at_a_time_becomes_a_schedule()
    {
        var area = "At" + Guid.NewGuid().ToString("N")[..8];
        var segment = await SaveSegmentAsync(area, 1, 640_200);
        var page = await fixture.SignedInPageAsync("/campaigns/new");
        await page.FillAsync("#name", "Later " + area);
        await page.SelectOptionAsync("#segment", segment);
        await page.SelectOptionAsync("#script", "builtin");
        await page.CheckAsync("input[name='Input.Start'][value=at]");
        await page.FillAsync("#start-at", "2099-01-05T09:30");
        await page.FillAsync("#end-at", "2099-01-05T17:00");
        await page.FillAsync("#schedule-zone", "America/New_York");
        await page.ClickAsync("#create button[type=submit]");
        await page.WaitForSelectorAsync(".flash");

        var schedules = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync("/api/schedules")).RootElement;
        var schedule = schedules.EnumerateArray().Single(s => s.GetProperty("campaign").GetProperty("name").GetString() == "Later " + area);
        Assert.Equal("America/New_York", schedule.GetProperty("timeZone").GetString());
        Assert.Equal(new DateTimeOffset(2099, 1, 5, 14, 30, 0, TimeSpan.Zero), schedule.GetProperty("startAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2099, 1, 5, 22, 0, 0, TimeSpan.Zero), schedule.GetProperty("endAt").GetDateTimeOffset());
    }
    [ChromiumFact]
    public async Task A_script_must_be_chosen_the_built_in_greeting_only_on_purpose()
    {
        var area = "Scr" + Guid.NewGuid().ToString("N")[..8];
        var segment = await SaveSegmentAsync(area, 1, 640_300);
        var created = await fixture.Host.Client.PostAsync("/api/scripts", InProcessHost.Json($$"""
            { "name": "Outage check {{area}}", "persona": { "agentName": "Alex", "company": "City Power" }, "goal": "Check the outage is fixed",
              "opening": "Hello, this is Alex.", "closing": "Thank you.", "disclosure": "I'm an automated assistant." }
            """));
        created.EnsureSuccessStatusCode();
        var scriptId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var page = await fixture.SignedInPageAsync("/campaigns/new");

        // Nothing is chosen for the operator: the select starts on its placeholder.
        Assert.Equal("", await page.InputValueAsync("#script"));
        Assert.Equal("Choose a script…", (await page.Locator("#script option:checked").TextContentAsync())?.Trim());
        Assert.Equal("true", await page.GetAttributeAsync("#script", "aria-required"));
        await page.FillAsync("#name", "Script choice " + area);
        await page.SelectOptionAsync("#segment", segment);
        await SubmitExpectingErrorAsync(page, "scriptId");
        Assert.Contains("choose the script", await page.TextContentAsync("[data-error-for='scriptId']"), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#script", "aria-invalid"));
        Assert.Equal(segment, await page.InputValueAsync("#segment"));
        await Screenshots.SaveAsync(page, "campaign-new-script-required.png");
        var campaigns = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync("/api/campaigns")).RootElement;
        Assert.DoesNotContain(campaigns.EnumerateArray(), c => c.GetProperty("name").GetString() == "Script choice " + area);

        await page.SelectOptionAsync("#script", scriptId);
        await page.ClickAsync("#create button[type=submit]");
        await page.WaitForURLAsync("**/campaigns/cmp-*");
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var campaign = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync($"/api/campaigns/{id}")).RootElement;
        Assert.Equal(scriptId, campaign.GetProperty("scriptId").GetString());

        // The built-in greeting is there, as a deliberate choice.
        page = await fixture.SignedInPageAsync("/campaigns/new");
        await page.FillAsync("#name", "Built-in " + area);
        await page.SelectOptionAsync("#segment", segment);
        await page.SelectOptionAsync("#script", new SelectOptionValue { Label = "Built-in generic greeting (no script)" });
        await page.ClickAsync("#create button[type=submit]");
        await page.WaitForURLAsync("**/campaigns/cmp-*");
        id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        campaign = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync($"/api/campaigns/{id}")).RootElement;
        Assert.Equal(JsonValueKind.Null, campaign.GetProperty("scriptId").ValueKind);
    }
}
