using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Campaign.Tests.Grains;

/// <summary>An engine cluster with scripted telephony, plus helpers to seed customers and run campaigns.</summary>
public class EngineFixture : IAsyncLifetime
{
    private readonly TempDatabase _file = new();
    private int _phones;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public ScriptedTelephony Telephony => Cluster.Service<ScriptedTelephony>();

    public SqliteCustomerDirectory Directory { get; private set; } = null!;

    public SqliteCallStore Calls { get; private set; } = null!;

    public SqliteDecisionLog Decisions { get; private set; } = null!;

    /// <summary>The embedded database the silo uses.</summary>
    public string DatabasePath => _file.Path;

    /// <summary>The silo's clock: real time, shifted so that New York is at 10:00 on a weekday when the fixture starts.</summary>
    public ShiftedClock Clock { get; } = new();

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Replaces or wraps the silo's services after the engine's own are registered.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Clock.Set(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));
        Cluster = await EngineCluster.StartAsync(_file.Path, scripted: true, Settings, Clock, ConfigureServices);
        var database = new SqliteDatabase(_file.Path);
        Directory = new SqliteCustomerDirectory(database, TimeProvider.System);
        Calls = new SqliteCallStore(database);
        Decisions = new SqliteDecisionLog(database);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _file.Dispose();
    }

    /// <summary>Adds <paramref name="count"/> customers in a new area and returns the area's name and the ids.</summary>
    public async Task<(string Area, IReadOnlyList<string> Ids)> SeedAsync(int count, string? prefix = null)
    {
        var area = (prefix ?? "A") + Guid.NewGuid().ToString("N")[..8];
        var first = Interlocked.Add(ref _phones, count) - count;
        var profiles = Enumerable.Range(0, count)
            .Select(i => TestCustomers.Profile($"{area}-{i:D4}", TestCustomers.Phone(first + i), area,
                issues: new CustomerIssue("electricity", DateTimeOffset.UtcNow.AddDays(-3), "power cuts at night")))
            .ToList();
        await Directory.UpsertAsync(profiles);
        return (area, profiles.Select(p => p.Id).ToList());
    }

    public static CampaignDefinition Definition(string area, int quota, RetryPolicy? retry = null) =>
        new($"Campaign for {area}", null, $$"""{ "area": ["{{area}}"] }""", null, [], quota, "+15550000000",
            retry ?? new RetryPolicy(1, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)),
            VoicemailPolicy.Default);

    public async Task<ICampaignGrain> StartCampaignAsync(CampaignDefinition definition)
    {
        var grain = Grains.GetGrain<ICampaignGrain>("cmp-" + Guid.NewGuid().ToString("N")[..10]);
        await grain.CreateAsync(definition);
        await grain.StartAsync();
        return grain;
    }

    public static async Task<CampaignProgress> WaitForStatusAsync(ICampaignGrain campaign, CampaignStatus status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var progress = await campaign.GetProgressAsync();
            if (progress.Status == status)
            {
                return progress;
            }

            Assert.True(DateTime.UtcNow < deadline, $"campaign still {progress.Status} (finished {progress.Finished}/{progress.Audience}, in flight {progress.InFlight})");
            await Task.Delay(50);
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(25);
        }
    }

    public async Task<IReadOnlyList<CallRecord>> CallsOfAsync(string campaignId) => (await Calls.ListAsync(campaignId, 0, 100_000)).Items;

    /// <summary>The most calls whose [start, end] intervals overlap at one moment.</summary>
    public static int MaxOverlap(IEnumerable<CallRecord> calls) =>
        Intervals.MostAtOnce(calls.Select(c => (c.StartedAt!.Value, c.EndedAt!.Value)));
}
