using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>The do-not-call list is searched by number, source or reason, and the search is kept while paging.</summary>
[Collection(BrowserCollection.Name)]
public class DoNotCallSearchBrowserTests(BrowserFixture fixture)
{
    [ChromiumFact]
    public async Task The_do_not_call_list_is_searched_by_digits_or_reason_and_pages_through_the_matches()
    {
        var reason = "moved " + Guid.NewGuid().ToString("N")[..8];
        // 105 numbers of one exchange (+1 212 980 …), one of them with its own reason.
        var phones = Enumerable.Range(0, 105).Select(i => TestCustomers.Phone(7_800_000 + i)).ToArray();
        for (var i = 0; i < phones.Length; i++)
        {
            var why = i == 7 ? reason : "asked on a call";
            (await fixture.Host.Client.PostAsync("/api/dnc", InProcessHost.Json($$"""{ "phone": "{{phones[i]}}", "reason": "{{why}}" }"""))).EnsureSuccessStatusCode();
        }

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/do-not-call");
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", InProcessHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/do-not-call");

        await page.FillAsync("#dnc-q", "(212) 980");
        await page.ClickAsync("#dnc-search button[type=submit]");
        await Assertions.Expect(page.Locator("#dnc-range")).ToHaveTextAsync("Showing 1–100 of 105 matching");
        await Assertions.Expect(page.Locator("#dnc tbody tr")).ToHaveCountAsync(100);
        await page.ClickAsync("a[rel=next]");
        await Assertions.Expect(page.Locator("#dnc-range")).ToHaveTextAsync("Showing 101–105 of 105 matching");
        Assert.Contains("q=", page.Url, StringComparison.Ordinal);
        Assert.Equal("(212) 980", await page.InputValueAsync("#dnc-q"));

        await page.FillAsync("#dnc-q", reason.ToUpperInvariant());
        await page.ClickAsync("#dnc-search button[type=submit]");
        await Assertions.Expect(page.Locator("#dnc-range")).ToHaveTextAsync("Showing 1–1 of 1 matching");
        await Assertions.Expect(page.Locator("#dnc tbody tr")).ToContainTextAsync(phones[7]);
        await Screenshots.SaveAsync(page, "do-not-call-search.png");

        await page.FillAsync("#dnc-q", "nobody " + reason);
        await page.ClickAsync("#dnc-search button[type=submit]");
        await Assertions.Expect(page.Locator("#dnc-none")).ToBeVisibleAsync();
        await page.ClickAsync("#dnc-search a:text('Clear')");
        await Assertions.Expect(page.Locator("#dnc-range")).ToContainTextAsync("Showing 1–100 of");
    }
}
