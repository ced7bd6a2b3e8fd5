using System.Globalization;
using System.Text;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>The segment builder's errors in words and its preview cleared when they occur; the script preview in full.</summary>
[Collection(BrowserCollection.Name)]
public class SegmentAndScriptPreviewBrowserTests(BrowserFixture fixture)
{
    private const string RootAdd = "#builder-root > .cond-group > .cond-add";

    private async Task<IPage> SignedInPageAsync(string path)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(path);
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", InProcessHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    private async Task<string> ImportAreaAsync(int count, int phoneBase, string extraColumns = "", Func<int, string>? extra = null)
    {
        var area = "Sp" + Guid.NewGuid().ToString("N")[..8];
        var reported = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder($"id,name,phone,area,issue.category,issue.reportedAt{extraColumns}\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append($"{area}-{i},Ana Customer{i},{TestCustomers.Phone(phoneBase + i)},{area},water,{reported}{extra?.Invoke(i)}\n");
        }

        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        return area;
    }

    private static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join('\n', result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    private static async Task AddConditionAsync(IPage page, string kind)
    {
        await page.SelectOptionAsync($"{RootAdd} select", kind);
        await page.ClickAsync($"{RootAdd} button");
    }

    [ChromiumFact]
    public async Task A_bad_number_of_days_is_named_in_words_and_the_stale_sample_is_cleared()
    {
        var area = await ImportAreaAsync(count: 3, phoneBase: 1_500_000);
        var page = await SignedInPageAsync("/segments/edit");
        await AddConditionAsync(page, "area");
        await page.FillAsync("[data-path='criteria.all[0]'] [data-role=areas]", area);
        await AddConditionAsync(page, "issueCategory");
        await page.FillAsync("[data-path='criteria.all[1]'] [data-role=category]", "water");
        await page.WaitForFunctionAsync("() => document.getElementById('preview-count').textContent === '3'");
        await Assertions.Expect(page.Locator("#preview-sample tbody tr a")).ToHaveCountAsync(3);

        // The days box has a label the operator can see, and the conditions are numbered as the errors name them.
        var within = page.GetByLabel("reported within (days, optional)");
        Assert.True(await page.Locator("[data-path='criteria.all[1]'] label:has-text('reported within')").IsVisibleAsync(), "the label is visible");
        Assert.Equal("2", await page.TextContentAsync("[data-path='criteria.all[1]'] .cond-number"));

        await within.FillAsync("99999");
        await page.WaitForSelectorAsync("#criteria-error:not([hidden])");
        Assert.Equal("Condition 2 (issue reported within): days must be a whole number between 1 and 36500", await page.TextContentAsync("#criteria-error"));
        Assert.Equal("–", await page.TextContentAsync("#preview-count"));
        await Assertions.Expect(page.Locator("#preview-sample tbody tr a")).ToHaveCountAsync(0);
        Assert.Equal("No preview until the conditions are fixed.", await page.TextContentAsync("#preview-cleared"));
        await Assertions.Expect(page.Locator("[data-path='criteria.all[1]'].invalid")).ToHaveCountAsync(1);
        await AssertNoAxeViolationsAsync(page);
        await Screenshots.SaveAsync(page, "segment-builder-error.png");

        await within.FillAsync("30");
        await page.WaitForFunctionAsync("() => document.getElementById('preview-count').textContent === '3'");
        Assert.True(await page.IsHiddenAsync("#criteria-error"));
        await Assertions.Expect(page.Locator("#preview-sample tbody tr a")).ToHaveCountAsync(3);

        // The JSON typed by hand, broken: the sample goes too.
        await page.ClickAsync("#json-details summary");
        await page.FillAsync("#criteria-json", "{ \"area\": ");
        await page.WaitForSelectorAsync("#preview-cleared");
        await Assertions.Expect(page.Locator("#preview-sample tbody tr a")).ToHaveCountAsync(0);

        // Saved without JavaScript's help, the server says the same in the same words.
        await page.FillAsync("#criteria-json", $$"""{ "all": [ { "area": ["{{area}}"] }, { "issueCategory": "water", "withinDays": 0 } ] }""");
        await page.FillAsync("#seg-name", "Bad days " + area);
        await page.ClickAsync("#save-segment");
        await page.WaitForSelectorAsync("#criteria-error:has-text('Condition 2')");
        Assert.Equal("Condition 2 (issue reported within): days must be a whole number between 1 and 36500", (await page.TextContentAsync("#criteria-error"))!.Trim());
    }

    [ChromiumFact]
    public async Task The_script_preview_shows_faq_objections_capture_questions_and_a_blank_variable_visibly()
    {
        var area = await ImportAreaAsync(count: 1, phoneBase: 1_510_000, ",attr.plan", _ => ",");
        var page = await SignedInPageAsync("/scripts/edit");
        await page.FillAsync("#name", "Preview in full " + area);
        await page.FillAsync("#agentName", "Alex");
        await page.FillAsync("#company", "Lakeshore Water");
        await page.FillAsync("#goal", "Check the water.");
        await page.FillAsync("#opening", "Hello {{customer.firstName}}, this is about your \"{{customer.attributes.plan}}\" plan.");
        await page.FillAsync("#talkingPoints", "Crews worked in {{customer.area}}.");
        await page.FillAsync("#faq", "Who are you? | {{persona.agentName}} from {{persona.company}}.\nIs my plan affected? | Your {{customer.attributes.plan}} plan is covered.");
        await page.FillAsync("#objections", "I'm busy | It takes a minute, {{customer.firstName}}.");
        await page.FillAsync("#captureQuestions", "Is the pressure back in {{customer.area}}?\nMay we call again?");
        await page.FillAsync("#closing", "Thank you, goodbye.");
        await page.FillAsync("#customer", $"{area}-0");
        await page.ClickAsync("#preview-button");
        await page.WaitForSelectorAsync("#preview-result");

        Assert.Equal("Hello Ana, this is about your \"(no value for attribute plan)\" plan.", await page.TextContentAsync("#preview-opening"));
        Assert.Equal("(no value for attribute plan)", await page.TextContentAsync("#preview-opening mark.blank"));
        Assert.Equal(
            ["Who are you?", "Alex from Lakeshore Water.", "Is my plan affected?", "Your (no value for attribute plan) plan is covered."],
            await page.Locator("#preview-faq > *").AllInnerTextsAsync());
        Assert.Equal(["I'm busy", "It takes a minute, Ana."], await page.Locator("#preview-objections > *").AllInnerTextsAsync());
        Assert.Equal([$"Is the pressure back in {area}?", "May we call again?"], await page.Locator("#preview-capture li").AllInnerTextsAsync());
        await Assertions.Expect(page.Locator("#preview-result mark.blank")).ToHaveCountAsync(2);
        await AssertNoAxeViolationsAsync(page);
        await page.Locator("#preview").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "script-preview.png");
    }
}
