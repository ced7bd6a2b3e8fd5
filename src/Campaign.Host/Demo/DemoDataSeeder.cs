using System.Text.Json;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Customers.Import;

namespace Campaign.Host.Demo;

/// <summary>On first start with an empty store (and <c>Demo:Seed=true</c>), loads demo customers, segments and scripts.</summary>
internal sealed class DemoDataSeeder(
    ICustomerDirectory directory,
    CustomerImporter importer,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger) : IHostedService
{
    public const int CustomerCount = 300;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SeedScriptsAsync();
        if (await directory.CountAllAsync(cancellationToken) > 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var rows = DemoCustomers.Generate(CustomerCount, now);
        var result = await importer.ImportAsync(rows, cancellationToken);
        foreach (var (customerId, attempt) in DemoCustomers.History(rows, now))
        {
            await grains.GetGrain<ICustomerGrain>(customerId).RecordContactAsync(attempt);
        }

        var catalog = grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key);
        if ((await catalog.ListAsync()).Count == 0)
        {
            await catalog.CreateAsync("Electricity problems (last 90 days)", "Reported an electricity issue in the last 90 days",
                Json(new { issueCategory = "electricity", withinDays = 90 }));
            await catalog.CreateAsync("Riverside", "Everyone in Riverside", Json(new { area = new[] { "Riverside" } }));
            await catalog.CreateAsync("Never answered", "Called before, never picked up, or never called",
                Json(new { contact = "neverAnswered" }));
            await catalog.CreateAsync("Interested last time", "Said they were interested on their last answered call",
                Json(new { lastInterest = "interested" }));
        }

        logger.LogInformation("Demo data loaded: {Customers} customers, {Rejected} rejected", result.Imported + result.Updated, result.RejectedTotal);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedScriptsAsync()
    {
        if ((await grains.GetGrain<IScriptCatalogGrain>(IScriptCatalogGrain.Key).ListAsync()).Count > 0)
        {
            return;
        }

        foreach (var (id, definition) in DemoScripts.All)
        {
            try
            {
                await grains.GetGrain<IScriptGrain>(id).CreateAsync(definition);
            }
            catch (ScriptAlreadyExistsException)
            {
                // Saved by an earlier start that stopped before the catalog heard of it; the grain tells it now.
            }
        }

        logger.LogInformation("Demo scripts loaded: {Scripts}", DemoScripts.All.Count);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
