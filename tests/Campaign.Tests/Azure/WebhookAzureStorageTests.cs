using System.Text.Json;
using Campaign.Abstractions.Webhooks;
using Campaign.Host.Hosting;
using Campaign.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Azure;

/// <summary>A webhook endpoint's registration, outbox and log on Azure Storage (Azurite) outlive the host.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookAzureStorageTests(AzuriteFixture azurite)
{
    private const string Secret = "azure-webhook-secret-0123";

    [Fact]
    public async Task A_delivery_still_retrying_when_the_host_stops_is_delivered_by_the_next_host_over_the_same_account()
    {
        var prefix = AzureHostArgs.NewPrefix();
        using var file = new TempDatabase();
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.DefaultStatus = 503;
        string webhookId;
        await using (var first = await StartAsync(prefix, file.Path))
        {
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            webhookId = "whk-az" + Guid.NewGuid().ToString("N")[..8];
            await grains.GetGrain<IWebhookEndpointGrain>(webhookId).RegisterAsync(new WebhookRegistration(receiver.Url.ToString(), ["optOut"], Secret));
            await grains.GetGrain<IWebhookEndpointGrain>(webhookId).EnqueueAsync(new WebhookEvent(
                "evt_azure_1", "optOut", DateTimeOffset.UtcNow, "AZ-1", JsonSerializer.Serialize(new { id = "evt_azure_1", type = "optOut", data = new { customerId = "AZ-1" } })));
            await receiver.WaitForAsync(all => all.Count >= 2, TimeSpan.FromSeconds(30));
            await first.StopAsync();
        }

        receiver.DefaultStatus = 200;
        await using var second = await StartAsync(prefix, file.Path);
        var endpoint = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IWebhookEndpointGrain>(webhookId);
        Assert.Equal(receiver.Url.ToString(), (await endpoint.GetAsync())?.Url);
        var received = await receiver.WaitForAsync(all => all.Any(r => r.AnsweredWith == 200), TimeSpan.FromSeconds(60));
        Assert.All(received, r => Assert.Equal("evt_azure_1", r.Id));
        Assert.All(received, r => Assert.True(r.Verified));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        WebhookDeliveryPage? log;
        while ((log = await endpoint.GetDeliveriesAsync(0, 10))!.Items.Single().Status != WebhookDeliveryStatus.Delivered && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var delivery = log.Items.Single();
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(received.Count, delivery.Attempts);
        Assert.Equal(200, delivery.ResponseStatus);
    }

    private async Task<WebApplication> StartAsync(string prefix, string databasePath)
    {
        var app = CampaignHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Storage:Sqlite:Path", databasePath,
            "--Orleans:SiloPort", FreePort.Next().ToString(),
            "--Orleans:GatewayPort", FreePort.Next().ToString(),
            "--Auth:ApiKey", "azure-webhook-test-key-0123456789",
            "--Auth:Admin:Password", "azure webhook test",
            "--Demo:Seed", "false",
            "--Webhooks:AllowLoopbackHttp", "true",
            "--Webhooks:FirstRetryDelay", "00:00:00.200",
            "--Webhooks:MaxRetryDelay", "00:00:00.500",
            .. AzureHostArgs.For(azurite.ConnectionString, prefix),
        ]);
        await app.StartAsync();
        return app;
    }
}
