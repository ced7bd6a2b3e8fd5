using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>
/// The Webhooks page registers an endpoint, shows its delivery log and sends a delivery again. It runs a campaign, so it
/// shares the host of the campaign flow, apart from the tests that expect an empty campaign list.
/// </summary>
[Collection(CampaignFlowCollection.Name)]
public class WebhooksBrowserTests(CampaignFlowFixture fixture)
{
    private const string Secret = "browser-secret-0123456789";

    [ChromiumFact]
    public async Task An_operator_registers_a_webhook_sees_its_deliveries_and_sends_one_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.AnswerNext(500);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/webhooks");
        await page.FillAsync("#user", InProcessHost.AdminUser);
        await page.FillAsync("#password", InProcessHost.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/webhooks");
        await Assertions.Expect(page.Locator("nav a[href='/webhooks']")).ToHaveAttributeAsync("aria-current", "page");

        // A secret the browser lets through but the server refuses: the error shows next to its field, the secret is not sent back.
        await page.FillAsync("#w-url", receiver.Url.ToString());
        await page.CheckAsync("#w-events input[value='campaign.completed']");
        await page.EvalOnSelectorAsync("#w-secret", "e => e.removeAttribute('minlength')");
        await page.FillAsync("#w-secret", "short");
        await page.ClickAsync("#webhook-form button[type=submit]");
        await Assertions.Expect(page.Locator("#w-secret + .field-error")).ToContainTextAsync("16");
        Assert.Equal("", await page.InputValueAsync("#w-secret"));

        await page.FillAsync("#w-secret", Secret);
        await page.ClickAsync("#webhook-form button[type=submit]");
        await Assertions.Expect(page.Locator(".flash, [role=status]").First).ToContainTextAsync("is registered");
        var card = page.Locator("section.webhook", new() { HasText = receiver.Url.ToString() });
        await Assertions.Expect(card).ToContainTextAsync("Nothing sent yet.");
        var webhookId = await card.GetAttributeAsync("id");

        var campaignId = await RunOneCallCampaignAsync();
        await receiver.WaitForAsync(all => all.Any(r => r.AnsweredWith == 200), TimeSpan.FromSeconds(60));
        await page.ReloadAsync();
        var row = card.Locator("table.deliveries tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("campaign.completed");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("delivered");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("2");
        await Screenshots.SaveAsync(page, "webhooks.png");
        // With a delivery in the log, its "Send again" button is named by its visible text too.
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        await row.Locator("button", new() { HasText = "Send again" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash, [role=status]").First).ToContainTextAsync("is being sent again");
        var all = await receiver.WaitForAsync(all => all.Count == 3, TimeSpan.FromSeconds(30));
        Assert.All(all, r => Assert.True(r.Verified));
        Assert.Equal(campaignId, all[2].Data.GetProperty("id").GetString());

        await card.Locator("summary", new() { HasText = "Delete" }).ClickAsync();
        await card.Locator("button", new() { HasText = "Delete the webhook" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#{webhookId}")).ToHaveCountAsync(0);
    }

    private async Task<string> RunOneCallCampaignAsync()
    {
        var area = "WhkUi" + Guid.NewGuid().ToString("N")[..6];
        (await fixture.Host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(
            $"id,name,phone,area,timeZone,issue.category,consent.kind,consent.at\n{area}-1,Someone,{TestCustomers.Phone(1_817_000)},{area},{TestZones.Afternoon},electricity,express,2020-01-01\n"))).EnsureSuccessStatusCode();
        var campaign = await fixture.Host.PostJsonAsync("/api/campaigns", $$"""{ "name": "Hooks {{area}}", "criteria": { "area": ["{{area}}"] }, "retryPolicy": { "maxAttempts": 1 } }""");
        var id = campaign.GetProperty("id").GetString()!;
        await fixture.Host.PostJsonAsync($"/api/campaigns/{id}/start", "{}");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("status").GetString() != "completed")
        {
            Assert.True(DateTime.UtcNow < deadline, "the campaign did not complete");
            await Task.Delay(200);
        }

        return id;
    }
}
