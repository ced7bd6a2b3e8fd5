using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Campaign.Tests.Grains;

/// <summary>
/// An engine whose outcome extraction waits until the test lets it go (a slow model, seen from the call), and whose
/// call store can be made to refuse the next writes (a storage outage).
/// </summary>
public sealed class HeldEndFixture : EngineFixture
{
    public HeldConclusion Conclusion { get; } = new();

    public StoreOutage Outage { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        var agent = services.Last(d => d.ServiceType == typeof(IConversationAgent));
        services.RemoveAll<IConversationAgent>();
        services.AddSingleton<IConversationAgent>(sp => new HeldAgent((IConversationAgent)agent.ImplementationFactory!(sp), Conclusion));
        services.RemoveAll<ICallStore>();
        services.AddSingleton<ICallStore>(sp => new FlakyCallStore(ActivatorUtilities.CreateInstance<SqliteCallStore>(sp), Outage));
    }

    public sealed class HeldConclusion
    {
        private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public TaskCompletionSource Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => _count;

        public void Hold()
        {
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Release() => _release.TrySetResult();

        public async Task EnterAsync()
        {
            Interlocked.Increment(ref _count);
            Started.TrySetResult();
            await _release.Task;
        }
    }

    private sealed class HeldAgent(IConversationAgent inner, HeldConclusion conclusion) : IConversationAgent
    {
        public Task<AgentTurn> OpenTurnAsync(ConversationSession session, CancellationToken cancellationToken = default) => inner.OpenTurnAsync(session, cancellationToken);

        public Task<AgentTurn> ReplyTurnAsync(ConversationSession session, string? customerText, CancellationToken cancellationToken = default) =>
            inner.ReplyTurnAsync(session, customerText, cancellationToken);

        public AgentTurnStream StreamTurn(ConversationSession session, string? customerText, CancellationToken cancellationToken = default) =>
            inner.StreamTurn(session, customerText, cancellationToken);

        public AgentTurn InterruptedTurn(ConversationSession session, string? heard) => inner.InterruptedTurn(session, heard);

        public async Task<AgentConclusion> ConcludeTurnAsync(ConversationSession session, CancellationToken cancellationToken = default)
        {
            await conclusion.EnterAsync();
            return await inner.ConcludeTurnAsync(session, cancellationToken);
        }
    }

    public sealed class StoreOutage
    {
        private int _refusals;

        /// <summary>The next <paramref name="count"/> writes of a call record fail.</summary>
        public void RefuseNextSaves(int count) => Interlocked.Exchange(ref _refusals, count);

        public bool Refuses() => Interlocked.Decrement(ref _refusals) >= 0;
    }

    private sealed class FlakyCallStore(SqliteCallStore inner, StoreOutage outage) : ICallStore
    {
        public Task SaveAsync(CallRecord record, CancellationToken cancellationToken = default) =>
            outage.Refuses()
                ? throw new IOException("the call store is unreachable")
                : inner.SaveAsync(record, cancellationToken);

        private ICallStore Inner => inner;

        public Task<CallRecord?> GetAsync(string callId, CancellationToken cancellationToken = default) => Inner.GetAsync(callId, cancellationToken);

        public Task<bool> ExistsAsync(string callId, CancellationToken cancellationToken = default) => Inner.ExistsAsync(callId, cancellationToken);

        public Task<IReadOnlyList<string>> WithTranscriptEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default) =>
            Inner.WithTranscriptEndedBeforeAsync(cutoff, limit, cancellationToken);

        public Task<bool> RedactAsync(string callId, string note, CancellationToken cancellationToken = default) => Inner.RedactAsync(callId, note, cancellationToken);

        public Task<CallPage> ListAsync(string campaignId, int skip, int take, CancellationToken cancellationToken = default) =>
            Inner.ListAsync(campaignId, skip, take, cancellationToken);

        public Task<CallPage> ListAsync(string campaignId, CallFilter filter, int skip, int take, CancellationToken cancellationToken = default) =>
            Inner.ListAsync(campaignId, filter, skip, take, cancellationToken);

        public Task<CampaignTally> TallyAsync(string campaignId, IReadOnlySet<string> excluding, CancellationToken cancellationToken = default) =>
            Inner.TallyAsync(campaignId, excluding, cancellationToken);

        public Task<IReadOnlyList<CallRecord>> FollowUpsAsync(string campaignId, CancellationToken cancellationToken = default) =>
            Inner.FollowUpsAsync(campaignId, cancellationToken);

        public Task<(int Calls, double Minutes)> UsageSinceAsync(string campaignId, DateTimeOffset since, CancellationToken cancellationToken = default) =>
            Inner.UsageSinceAsync(campaignId, since, cancellationToken);

        public IAsyncEnumerable<Abstractions.Insights.InsightCall> InsightCallsAsync(DateTimeOffset? from, DateTimeOffset? until, CancellationToken cancellationToken = default) =>
            Inner.InsightCallsAsync(from, until, cancellationToken);
    }
}

/// <summary>
/// The end of a call is answered to the provider at once; the outcome, the stored record and the reports follow from the
/// call grain's own timer, resumably, and a webhook's check that a call exists never waits for them.
/// </summary>
[Collection(HeldEndCollection.Name)]
public sealed class CallEndTests(HeldEndFixture fixture)
{
    [Fact]
    public async Task The_provider_hears_the_end_answered_while_the_outcome_is_still_being_concluded()
    {
        fixture.Conclusion.Hold();
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Yes, I'm interested, tell me more.");
        var (area, _) = await fixture.SeedAsync(1);
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));
        await fixture.Conclusion.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var callId = fixture.Telephony.Placed.Single(p => p.CallId.StartsWith(campaign.GetPrimaryKeyString(), StringComparison.Ordinal)).CallId;

        // The provider's end event came back while the outcome is held; a webhook's presence check does not wait either.
        await EngineFixture.WaitUntilAsync(() => Task.FromResult(fixture.Telephony.EndsAnswered.Contains(callId)), "the end answered", TimeSpan.FromSeconds(10));
        var call = fixture.Grains.GetGrain<ICallGrain>(callId);
        Assert.True(await call.IsKnownAsync().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(await fixture.Grains.GetGrain<ICallGrain>(callId + "-never").IsKnownAsync());

        // Nothing is stored or counted without its outcome.
        Assert.Null(await fixture.Calls.GetAsync(callId));
        Assert.Equal(0, (await campaign.GetProgressAsync()).Finished);

        fixture.Conclusion.Release();
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed);
        var record = await fixture.Calls.GetAsync(callId);
        Assert.Equal(Interest.Interested, record!.Outcome!.Interest);
        Assert.Equal(1, (await campaign.GetProgressAsync()).Finished);
    }

    [Fact]
    public async Task A_report_that_fails_is_delivered_later_with_the_outcome_concluded_once()
    {
        fixture.Conclusion.Hold();
        fixture.Conclusion.Release();
        var before = fixture.Conclusion.Count;
        fixture.Outage.RefuseNextSaves(2);
        fixture.Telephony.Behavior = _ => CallScript.Answer(TimeSpan.FromMilliseconds(10), "Not interested, thanks.");
        var (area, _) = await fixture.SeedAsync(1);
        var campaign = await fixture.StartCampaignAsync(EngineFixture.Definition(area, 1));

        // The watchdog (every second here) delivers the report once the store takes writes again.
        await EngineFixture.WaitForStatusAsync(campaign, CampaignStatus.Completed, TimeSpan.FromSeconds(30));
        var calls = await fixture.CallsOfAsync(campaign.GetPrimaryKeyString());
        Assert.Equal(Interest.NotInterested, Assert.Single(calls).Outcome!.Interest);
        Assert.Equal(1, fixture.Conclusion.Count - before);
    }
}

[CollectionDefinition(Name)]
public sealed class HeldEndCollection : ICollectionFixture<HeldEndFixture>
{
    public const string Name = "held call ends";
}
