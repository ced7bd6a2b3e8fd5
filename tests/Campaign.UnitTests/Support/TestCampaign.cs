using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Calls;
using Campaign.Grains.Campaigns;
using Campaign.Grains.Compliance;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests.Support;

/// <summary>A campaign's parts as <see cref="CampaignPartsFactory"/> builds them, over an in-memory work list and grains.</summary>
public sealed class TestCampaign : IDisposable
{
    public TestCampaign(CampaignDefinition definition, CampaignStatus status = CampaignStatus.Running)
    {
        State = new MemoryState<CampaignState>(new CampaignState { Definition = definition, Status = status });
        var compliance = Options.Create(new ComplianceOptions());
        var factory = new CampaignPartsFactory(
            Store,
            Stub<ICallStore>.Unused(),
            Stub<IDecisionLog>.Unused(),
            new AudienceResolver(Grains.Factory),
            new CampaignScripts(Grains.Factory, Stub<ICustomerDirectory>.Unused()),
            new CallingHours(compliance),
            new CustomerLocator(compliance),
            Options.Create(new CampaignOptions()),
            Options.Create(new CallOptions()),
            compliance,
            Clock,
            NullLogger<CampaignGrain>.Instance,
            Gate,
            TestTiming.Failing().Timing);
        Parts = factory.Create("c", State, Grains.Factory, () => Task.CompletedTask);
    }

    /// <summary>Monday 2 March 2026, 15:00 UTC: inside calling hours in every US time zone.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    public InMemoryWorkListStore Store { get; } = new();

    public FakeGrains Grains { get; } = new();

    public DialGate Gate { get; } = new();

    public MemoryState<CampaignState> State { get; }

    public CampaignParts Parts { get; }

    /// <summary>Puts customers in the work list, due a minute ago in New York.</summary>
    public void Due(int count)
    {
        for (var seq = 1; seq <= count; seq++)
        {
            Store.Add(seq, Clock.GetUtcNow().AddMinutes(-1), "America/New_York");
        }
    }

    public void Dispose() => Parts.InFlight.Dispose();
}
