using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>The call page shows the texts sent after the call, and a delivery report reaching the call shows on reload.</summary>
[Collection(CampaignFlowCollection.Name)]
public class CallTextsBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task The_call_page_lists_the_information_text_with_its_number_status_and_time_and_follows_its_delivery()
    {
        var tag = "Tx" + Guid.NewGuid().ToString("N")[..8];
        var phone = TestCustomers.Phone(7_300_000 + Random.Shared.Next(0, 40_000));
        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv($"id,name,phone,area\n{tag}-1,Rita Reyes {tag},{phone},{tag}\n"))).EnsureSuccessStatusCode();
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Texts {{tag}}", "criteria": { "area": ["{{tag}}"] } }"""));
        created.EnsureSuccessStatusCode();
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var call = SeededCalls.Call(campaign, $"{tag}-1", 0, CallResult.Answered, Interest.Interested, FollowUpKind.MoreInfo);
        var textId = CallText.InfoId(call.Id);
        var body = "Hi Rita, here is the outage information from City Power: example.com/outages. Reply STOP to opt out.";
        await SeededCalls.SaveAsync(fixture.Host.Services, [call with { Texts = [new CallText(textId, phone, TextStatus.Queued, call.EndedAt!.Value.AddSeconds(2), body, "SM1")] }]);

        var page = await fixture.SignedInPageAsync($"/calls/{call.Id}");
        var row = page.Locator($"#texts tr[data-text='{textId}']");
        await Expect(row).ToContainTextAsync(phone);
        await Expect(row.Locator(".text-status")).ToHaveTextAsync("Queued");
        await Expect(row).ToContainTextAsync(body);

        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        Assert.True(await grains.GetGrain<ICallGrain>(call.Id).OnTextReportAsync(new TextReport(textId, TextStatus.Delivered)));
        Assert.True(await grains.GetGrain<ICallGrain>(call.Id).OnTextReportAsync(new TextReport(textId, TextStatus.Sent)));
        Assert.False(await grains.GetGrain<ICallGrain>(call.Id).OnTextReportAsync(new TextReport(call.Id + "-other", TextStatus.Failed)));

        await page.ReloadAsync();
        await Expect(row.Locator(".text-status")).ToHaveTextAsync("Delivered");
        await Screenshots.SaveAsync(page, "call-texts.png");

        var texts = (await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{call.Id}")).GetProperty("texts");
        Assert.Equal(("delivered", phone), (texts[0].GetProperty("status").GetString(), texts[0].GetProperty("to").GetString()));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
