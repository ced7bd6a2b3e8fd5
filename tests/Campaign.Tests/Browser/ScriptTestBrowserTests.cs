using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Http;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>"Test this script" in the editor: an operator types what a caller says and sees the conversation and the outcome.</summary>
[Collection(BrowserCollection.Name)]
public class ScriptTestBrowserTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task A_test_call_from_the_editor_shows_the_conversation_and_the_outcome_that_would_be_recorded()
    {
        var created = await fixture.Host.Client.PostAsync("/api/scripts", InProcessHost.Json("""
            { "name": "Editor test call", "persona": { "agentName": "Alex", "company": "City Power" }, "goal": "Check the outage is fixed",
              "opening": "Hello {{customer.firstName}}, this is {{persona.agentName}}.", "closing": "Thank you.",
              "disclosure": "I'm an automated assistant calling on behalf of {{persona.company}}." }
            """));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var page = await fixture.NewPageAsync(1280, 900);
        await page.GotoAsync($"/scripts/edit/{id}");
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", InProcessHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#test-lines");

        await page.FillAsync("#test-lines", "Yes, go on.\nThe power goes out every evening.\nCall me back tomorrow at 5 pm.");
        await page.ClickAsync("#test-button");
        await page.WaitForSelectorAsync("#test-result");

        var turns = await page.Locator("#test-turns li").AllTextContentsAsync();
        Assert.Contains(turns, t => t.Contains("automated assistant calling on behalf of City Power", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.Contains("The power goes out every evening.", StringComparison.Ordinal));
        Assert.Equal("Callback", (await page.TextContentAsync("#test-outcome [data-outcome=followUp]"))?.Trim()[..8]);
        Assert.Equal("Yes, go on.\nThe power goes out every evening.\nCall me back tomorrow at 5 pm.", await page.InputValueAsync("#test-lines"));
        await Screenshots.SaveAsync(page, "script-test-call.png");
    }
}
