using Campaign.Abstractions.Scripts;
using Campaign.Grains;
using Campaign.Grains.Campaigns;
using Campaign.Grains.Scripts;
using Campaign.Host.Hosting;
using Campaign.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Campaign.Tests.Azure;

/// <summary>The host's grain storage on Azure Storage (Azurite): table entities, and blobs for states that grow.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureGrainStorageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TempDatabase _file = new();
    private readonly string _prefix = AzureHostArgs.NewPrefix();
    private WebApplication? _app;

    private IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        _app = CampaignHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Storage:Sqlite:Path", _file.Path,
            "--Orleans:SiloPort", FreePort.Next().ToString(),
            "--Orleans:GatewayPort", FreePort.Next().ToString(),
            "--Auth:ApiKey", "azure-storage-test-key-0123456789",
            "--Auth:Admin:Password", "azure storage test",
            "--Demo:Seed", "false",
            .. AzureHostArgs.For(azurite.ConnectionString, _prefix),
        ]);
        await _app.StartAsync();
    }

    [Fact]
    public async Task Table_grain_state_round_trips_refuses_a_stale_etag_and_clears()
    {
        var storage = Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grain = GrainId.Create("campaign", "C-" + Guid.NewGuid().ToString("N")[..8]);

        var written = new GrainState<CampaignState> { State = new CampaignState { Audience = 42, PeakInFlight = 7, Status = Abstractions.Campaigns.CampaignStatus.Running } };
        await storage.WriteStateAsync("campaign", grain, written);
        var firstEtag = written.ETag;
        Assert.False(string.IsNullOrEmpty(firstEtag));

        var read = new GrainState<CampaignState>();
        await storage.ReadStateAsync("campaign", grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(firstEtag, read.ETag);
        Assert.Equal(42, read.State!.Audience);
        Assert.Equal(7, read.State!.PeakInFlight);
        Assert.Equal(Abstractions.Campaigns.CampaignStatus.Running, read.State!.Status);

        read.State!.Audience = 43;
        await storage.WriteStateAsync("campaign", grain, read);
        Assert.NotEqual(firstEtag, read.ETag);

        written.State.Audience = 99;
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.WriteStateAsync("campaign", grain, written));
        var afterConflict = new GrainState<CampaignState>();
        await storage.ReadStateAsync("campaign", grain, afterConflict);
        Assert.Equal(43, afterConflict.State!.Audience);

        await storage.ClearStateAsync("campaign", grain, afterConflict);
        var cleared = new GrainState<CampaignState>();
        await storage.ReadStateAsync("campaign", grain, cleared);
        Assert.False(cleared.RecordExists);
        Assert.Equal(0, cleared.State!.Audience);
    }

    [Fact]
    public async Task A_growing_state_far_beyond_a_table_entity_round_trips_through_blob_storage_with_etags()
    {
        var storage = Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.LargeState);
        var grain = GrainId.Create("scripts", "catalog-" + Guid.NewGuid().ToString("N")[..8]);
        var catalog = new ScriptCatalogState();
        var name = new string('n', 120);
        for (var i = 0; i < 15_000; i++)
        {
            catalog.Scripts[$"script-{i:D5}"] = new ScriptSummary($"script-{i:D5}", $"{name} {i}", i % 7 + 1, DateTimeOffset.UnixEpoch.AddMinutes(i));
        }

        var written = new GrainState<ScriptCatalogState> { State = catalog };
        await storage.WriteStateAsync("scripts", grain, written);
        var stale = written.ETag;

        var read = new GrainState<ScriptCatalogState>();
        await storage.ReadStateAsync("scripts", grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(15_000, read.State!.Scripts.Count);
        Assert.Equal(catalog.Scripts["script-12345"], read.State!.Scripts["script-12345"]);

        read.State!.Scripts.Remove("script-00000");
        await storage.WriteStateAsync("scripts", grain, read);
        written.ETag = stale;
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.WriteStateAsync("scripts", grain, written));

        await storage.ClearStateAsync("scripts", grain, read);
        var cleared = new GrainState<ScriptCatalogState>();
        await storage.ReadStateAsync("scripts", grain, cleared);
        Assert.False(cleared.RecordExists);
    }

    [Fact]
    public async Task Membership_grain_state_reminders_and_the_key_ring_live_under_the_configured_prefix()
    {
        var tables = new global::Azure.Data.Tables.TableServiceClient(azurite.ConnectionString);
        var names = new List<string>();
        await foreach (var table in tables.QueryAsync())
        {
            names.Add(table.Name);
        }

        Assert.Contains(_prefix + "Silos", names);
        Assert.Contains(_prefix + "GrainState", names);
        Assert.Contains(_prefix + "Reminders", names);
        var silos = tables.GetTableClient(_prefix + "Silos").QueryAsync<global::Azure.Data.Tables.TableEntity>();
        var rows = new List<global::Azure.Data.Tables.TableEntity>();
        await foreach (var row in silos)
        {
            rows.Add(row);
        }

        Assert.Contains(rows, r => r.GetString("Status") == "Active");

        var keyRing = Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = keyRing.Protect("cookie");
        var blobs = new global::Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(_prefix.ToLowerInvariant() + "-keys");
        var keys = new List<string>();
        await foreach (var blob in blobs.GetBlobsAsync())
        {
            keys.Add(blob.Name);
        }

        Assert.NotEmpty(keys);
        Assert.Equal("cookie", keyRing.Unprotect(secret));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _file.Dispose();
    }
}
