using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>A call handed to a person shows the transfer on its page: the number, how it went, who took it and when.</summary>
[Collection(CampaignFlowCollection.Name)]
public class TransferBrowserTests(CampaignFlowFixture fixture)
{
    [ChromiumFact]
    public async Task The_call_page_shows_the_transfer_with_its_result_and_times()
    {
        var tag = "Tr" + Guid.NewGuid().ToString("N")[..8];
        var phone = TestCustomers.Phone(6_990_000 + Random.Shared.Next(0, 9_000));
        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv($"id,name,phone,area,timeZone\n{tag}-1,Rosa Reyes {tag},{phone},{tag},America/New_York\n"))).EnsureSuccessStatusCode();
        var created = await fixture.Host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Transfers {{tag}}", "criteria": { "area": ["{{tag}}"] } }"""));
        created.EnsureSuccessStatusCode();
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var call = SeededCalls.Call(campaign, $"{tag}-1", 0, CallResult.Answered, Interest.Interested, FollowUpKind.None, "power cuts at night");
        var asked = call.AnsweredAt!.Value.AddSeconds(20);
        var transferred = call with
        {
            EndedAt = asked.AddSeconds(150),
            Transcript =
            [
                new TranscriptLine(Speaker.Agent, "Hello Rosa, is everything working again?", call.AnsweredAt!.Value),
                new TranscriptLine(Speaker.Customer, "Can I speak to a real person, please?", asked.AddSeconds(-5)),
                new TranscriptLine(Speaker.Agent, "I'll put you through to a colleague now, please hold.", asked),
            ],
            Transfer = new CallTransfer("+12125550142", TransferResult.Connected, asked, "+12125550142", asked.AddSeconds(12), asked.AddSeconds(150)),
        };
        await SeededCalls.SaveAsync(fixture.Host.Services, [transferred]);

        var page = await fixture.SignedInPageAsync($"/calls/{transferred.Id}");
        await Assertions.Expect(page.Locator("#transfer-title")).ToHaveTextAsync("Transfer to a person");
        await Assertions.Expect(page.Locator("#transfer-number")).ToHaveTextAsync("+12125550142");
        await Assertions.Expect(page.Locator("#transfer-result")).ToHaveTextAsync("Connected");
        await Assertions.Expect(page.Locator("#transfer-taken-by")).ToHaveTextAsync("+12125550142");
        await Assertions.Expect(page.Locator("#transfer")).ToContainTextAsync("(2:18 with the person)");
        await Screenshots.SaveAsync(page, "call-transfer.png");

        // The API carries the same transfer, with its duration.
        var record = await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{transferred.Id}");
        Assert.Equal(138, record.GetProperty("transfer").GetProperty("durationSeconds").GetInt32());
    }
}
