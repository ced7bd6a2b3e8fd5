using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>A campaign's full calls list: reached from the dashboard, named, filtered, searched and paged with its total.</summary>
[Collection(CampaignFlowCollection.Name)]
public partial class CallsListBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task The_calls_list_names_each_customer_filters_searches_and_pages_with_a_total_kept_in_the_url()
    {
        var tag = "Cb" + Guid.NewGuid().ToString("N")[..8];
        var phones = Enumerable.Range(0, 2).Select(i => TestCustomers.Phone(6_900_000 + (Random.Shared.Next(0, 40_000) * 2) + i)).ToArray();
        var csv = "id,name,phone,area,timeZone\n"
            + $"{tag}-1,Olga Ortiz {tag},{phones[0]},{tag},America/Chicago\n"
            + $"{tag}-2,Pavel Park {tag},{phones[1]},{tag},Europe/Lisbon\n";
        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).EnsureSuccessStatusCode();
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Calls list {{tag}}", "criteria": { "area": ["{{tag}}"] } }"""));
        created.EnsureSuccessStatusCode();
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // 3 answered calls to Olga, 117 unanswered ones to Pavel: 120 in all, newest (Pavel's) first.
        var calls = new List<CallRecord>
        {
            SeededCalls.Call(campaign, $"{tag}-1", 0, CallResult.Answered, Interest.Interested, FollowUpKind.Callback, "price", "outages"),
            SeededCalls.Call(campaign, $"{tag}-1", 1, CallResult.Answered, Interest.NotInterested, FollowUpKind.LeaveAlone),
            SeededCalls.Call(campaign, $"{tag}-1", 2, CallResult.Answered, Interest.Interested, FollowUpKind.MoreInfo),
        };
        calls.AddRange(Enumerable.Range(10, 117).Select(m => SeededCalls.Call(campaign, $"{tag}-2", m, CallResult.NoAnswer)));
        await SeededCalls.SaveAsync(fixture.Host.Services, calls);

        var page = await fixture.SignedInPageAsync($"/campaigns/{campaign}");
        await page.ClickAsync("#all-calls");
        await page.WaitForURLAsync($"**/campaigns/{campaign}/calls");
        await Expect(page.Locator("#calls-range")).ToHaveTextAsync("Showing 1–50 of 120");
        await Assertions.Expect(page.Locator("#calls tbody tr")).ToHaveCountAsync(50);
        var first = page.Locator("#calls tbody tr").First;
        await Expect(first.Locator("[data-col=customer]")).ToContainTextAsync($"Pavel Park {tag}");
        await Expect(first.Locator("[data-col=phone]")).ToHaveTextAsync(phones[1]);
        // Pavel's newest call started 15:00 UTC + 126 min = 17:06 UTC, 17:06 in Lisbon in winter.
        await Expect(first.Locator("[data-col=local]")).ToHaveTextAsync("Mon 2026-11-30 17:06 Europe/Lisbon");
        await Expect(page.Locator("#calls thead")).ToContainTextAsync("Started");

        await page.ClickAsync("a[rel=next]");
        await Expect(page.Locator("#calls-range")).ToHaveTextAsync("Showing 51–100 of 120");
        await page.ClickAsync("a[rel=next]");
        await Expect(page.Locator("#calls-range")).ToHaveTextAsync("Showing 101–120 of 120");
        await Expect(page.Locator("a[rel=next]")).ToHaveCountAsync(0);

        await page.SelectOptionAsync("#result", "answered");
        await page.SelectOptionAsync("#interest", "interested");
        await page.ClickAsync("#call-filters button[type=submit]");
        await Expect(page.Locator("#calls-range")).ToHaveTextAsync("Showing 1–2 of 2");
        Assert.Contains("result=answered", page.Url, StringComparison.Ordinal);
        Assert.Contains("interest=interested", page.Url, StringComparison.Ordinal);
        var olga = page.Locator("#calls tbody tr").Last;
        await Expect(olga.Locator("[data-col=customer]")).ToContainTextAsync($"Olga Ortiz {tag}");
        await Expect(olga.Locator("[data-col=local]")).ToHaveTextAsync("Mon 2026-11-30 09:00 America/Chicago");
        await Expect(olga.Locator("[data-col=followUp]")).ToHaveTextAsync("Callback");
        await Expect(olga.Locator("[data-col=concerns]")).ToHaveTextAsync("price (+1 more)");
        await Screenshots.SaveAsync(page, "campaign-calls.png");

        // The filters survive a reload (they are the URL), and a search by phone digits narrows to one person.
        await page.ReloadAsync();
        await Expect(page.Locator("#result")).ToHaveValueAsync("answered");
        await page.SelectOptionAsync("#result", "");
        await page.SelectOptionAsync("#interest", "");
        await page.FillAsync("#q", phones[1][^7..^4] + " " + phones[1][^4..]);
        await page.ClickAsync("#call-filters button[type=submit]");
        await Expect(page.Locator("#calls-total")).ToHaveTextAsync("117 matching");
        await page.ClickAsync("a[rel=next]");
        await Expect(page.Locator("#calls-range")).ToHaveTextAsync("Showing 51–100 of 117");
        Assert.Matches(QueryWithSearchAndPage(), page.Url);

        await page.ClickAsync("#calls tbody tr:first-child a:text('Open')");
        await page.WaitForURLAsync("**/calls/**");
        await Expect(page.Locator("#call-customer")).ToContainTextAsync($"Pavel Park {tag}");

        await page.GotoAsync($"/campaigns/{campaign}/calls?q=nobody-{tag}");
        await Expect(page.Locator("#calls-empty")).ToContainTextAsync("No call matches");
        await page.GotoAsync($"/campaigns/{campaign}/calls?result=sometimes");
        await Expect(page.Locator("#filter-error")).ToContainTextAsync("result must be one of");
    }

    [GeneratedRegex(@"[?&]q=[^&]+.*[?&]page=2|[?&]page=2.*[?&]q=")]
    private static partial Regex QueryWithSearchAndPage();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
