using Campaign.Abstractions.Campaigns;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Campaign.Tests.Grains;

/// <summary>
/// The quota holds at the telephony provider when the stores are slow: a call start that outlasts the campaign's wait
/// for it (a grain call's response timeout) still goes on in the call grain and dials, so its line stays taken.
/// </summary>
public sealed class QuotaUnderSlowStoresTests(QuotaUnderSlowStoresTests.SlowStartEngine fixture) : IClassFixture<QuotaUnderSlowStoresTests.SlowStartEngine>
{
    [Fact]
    public async Task A_start_that_outlasts_the_campaigns_wait_keeps_its_line_until_its_call_ends()
    {
        const int Quota = 2;
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromSeconds(4));
        var (area, _) = await fixture.SeedAsync(3);
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>("cmp-" + Guid.NewGuid().ToString("N")[..10]);
        await campaign.CreateAsync(EngineFixture.Definition(area, Quota));

        // The first call's first state write (before its dial) takes twice the campaign's wait: the campaign hears that
        // the start failed, and the call grain dials a second later.
        fixture.SlowFirstCallWrite = true;
        await campaign.StartAsync();
        var done = await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed, TimeSpan.FromMinutes(1));

        var id = campaign.GetPrimaryKeyString();
        var slowed = Assert.Single(fixture.Slowed);
        Assert.Contains(fixture.Warnings, w => w.Contains($"Call {slowed} could not start", StringComparison.Ordinal));
        var calls = await fixture.CallsOfAsync(id);
        Assert.Equal((3, 3, 3), (done.Results["answered"], calls.Count, fixture.Telephony.Placed.Count(p => p.CallId.StartsWith(id, StringComparison.Ordinal))));
        Assert.Contains(slowed, fixture.Telephony.Placed.Select(p => p.CallId));

        // Before, the campaign gave the slow start's line to the next customer: three calls live at the provider at once.
        Assert.InRange(fixture.Telephony.PeakFor(id), 1, Quota);
        Assert.InRange(EngineFixture.MaxOverlap(calls), 1, Quota);
        Assert.InRange(done.PeakInFlight, 1, Quota);
        await EngineFixture.WaitUntilAsync(
            async () => (await fixture.Grains.GetGrain<ITrunkGrain>(ITrunkGrain.Key).GetStatusAsync()).InUse == 0, "every trunk line is given back");
    }

    /// <summary>Grain calls wait one second for their answer (Orleans' default is 30 s), and one call start can be made slow.</summary>
    public sealed class SlowStartEngine : EngineFixture
    {
        public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(1);
        private readonly CapturingLoggerProvider _logs = new();
        private int _slowed;

        public volatile bool SlowFirstCallWrite;

        /// <summary>The calls whose first state write was made slow.</summary>
        public List<string> Slowed { get; } = [];

        public IEnumerable<string> Warnings => _logs.Messages.Where(m => m.StartsWith("Warning", StringComparison.Ordinal));

        protected override void ConfigureServices(IServiceCollection services)
        {
            new SlowStores((operation, _) =>
            {
                if (!SlowFirstCallWrite || operation is not { Store: "state:call", Operation: "WriteState" } || Interlocked.Exchange(ref _slowed, 1) == 1)
                {
                    return null;
                }

                Slowed.Add(operation.Key!);
                return ResponseTimeout * 2;
            }).SlowIn(services);
            services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
            services.AddLogging(logging => logging.AddProvider(_logs).AddFilter<CapturingLoggerProvider>((_, level) => level >= LogLevel.Warning));
        }
    }
}
