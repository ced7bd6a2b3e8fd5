using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Storage.Sqlite;
using Campaign.Tests.Support;

namespace Campaign.Tests.Storage;

public sealed class SqliteCallStoreFollowUpTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _file = new();
    private readonly SqliteCallStore _store;

    public SqliteCallStoreFollowUpTests() => _store = new SqliteCallStore(_file.Open());

    public void Dispose() => _file.Dispose();

    private static CallRecord Call(string id, string customer, int minute, CallResult result, FollowUpKind followUp, string campaign = "cmp-f")
    {
        var outcome = result == CallResult.Answered
            ? new CallOutcome(Interest.Neutral, [], new FollowUp(followUp, followUp == FollowUpKind.Callback ? T0.AddDays(1) : null), "summary " + id, false, 10, DayOfWeek.Thursday)
            : null;
        return new CallRecord(id, campaign, customer, null, 1, CallStatus.Ended, result, T0.AddMinutes(minute), result == CallResult.Answered ? T0.AddMinutes(minute) : null,
            T0.AddMinutes(minute + 1), [], outcome, null);
    }

    private async Task SeedAsync()
    {
        await _store.SaveAsync(Call("a1", "A", 0, CallResult.Answered, FollowUpKind.MoreInfo));
        await _store.SaveAsync(Call("b1", "B", 1, CallResult.Answered, FollowUpKind.Callback));
        await _store.SaveAsync(Call("b2", "B", 5, CallResult.Answered, FollowUpKind.None));
        await _store.SaveAsync(Call("c1", "C", 2, CallResult.Answered, FollowUpKind.Callback));
        await _store.SaveAsync(Call("c2", "C", 6, CallResult.NoAnswer, FollowUpKind.None));
        await _store.SaveAsync(Call("d1", "D", 3, CallResult.Answered, FollowUpKind.LeaveAlone));
        await _store.SaveAsync(Call("e1", "E", 4, CallResult.Answered, FollowUpKind.None));
        await _store.SaveAsync(Call("x1", "X", 4, CallResult.Answered, FollowUpKind.MoreInfo, campaign: "cmp-other"));
    }

    [Fact]
    public async Task Follow_ups_are_each_customers_latest_answered_call_that_asked_for_one_latest_first()
    {
        await SeedAsync();

        var followUps = await _store.FollowUpsAsync("cmp-f");

        // B's callback was made (their later answered call asked for nothing); C's later attempt went unanswered.
        Assert.Equal(["d1", "c1", "a1"], followUps.Select(c => c.Id));
        Assert.Equal(FollowUpKind.Callback, followUps[1].Outcome!.FollowUp.Kind);
        Assert.Equal(T0.AddDays(1), followUps[1].Outcome!.FollowUp.At);
    }

    [Fact]
    public async Task The_interfaces_default_reading_every_call_agrees_with_the_sql()
    {
        await SeedAsync();

        var byDefault = await ((ICallStore)new ListOnly(_store)).FollowUpsAsync("cmp-f");

        Assert.Equal((await _store.FollowUpsAsync("cmp-f")).Select(c => c.Id), byDefault.Select(c => c.Id));
    }

    [Fact]
    public async Task The_interfaces_default_call_filter_agrees_with_the_sql()
    {
        await SeedAsync();
        var filters = new[]
        {
            new CallFilter(Result: CallResult.Answered),
            new CallFilter(FollowUp: FollowUpKind.Callback),
            new CallFilter(Interest: Interest.Neutral, CustomerIds: new HashSet<string> { "B", "C" }),
        };

        foreach (var filter in filters)
        {
            var sql = await _store.ListAsync("cmp-f", filter, 1, 2);
            var byDefault = await ((ICallStore)new ListOnly(_store)).ListAsync("cmp-f", filter, 1, 2);
            Assert.Equal((sql.Total, string.Join(" ", sql.Items.Select(c => c.Id))), (byDefault.Total, string.Join(" ", byDefault.Items.Select(c => c.Id))));
            Assert.True(sql.Total > 1);
        }
    }

    /// <summary>A store that keeps <see cref="ICallStore"/>'s default follow-up query.</summary>
    private sealed class ListOnly(ICallStore inner) : ICallStore
    {
        public Task SaveAsync(CallRecord record, CancellationToken cancellationToken = default) => inner.SaveAsync(record, cancellationToken);

        public Task<CallRecord?> GetAsync(string callId, CancellationToken cancellationToken = default) => inner.GetAsync(callId, cancellationToken);

        public Task<CallPage> ListAsync(string campaignId, int skip, int take, CancellationToken cancellationToken = default) =>
            inner.ListAsync(campaignId, skip, take, cancellationToken);

        public Task<CampaignTally> TallyAsync(string campaignId, IReadOnlySet<string> excluding, CancellationToken cancellationToken = default) =>
            inner.TallyAsync(campaignId, excluding, cancellationToken);

        public Task<(int Calls, double Minutes)> UsageSinceAsync(string campaignId, DateTimeOffset since, CancellationToken cancellationToken = default) =>
            inner.UsageSinceAsync(campaignId, since, cancellationToken);

        public Task<IReadOnlyList<string>> WithTranscriptEndedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default) =>
            inner.WithTranscriptEndedBeforeAsync(cutoff, limit, cancellationToken);

        public IAsyncEnumerable<Abstractions.Insights.InsightCall> InsightCallsAsync(DateTimeOffset? from, DateTimeOffset? until, CancellationToken cancellationToken = default) =>
            inner.InsightCallsAsync(from, until, cancellationToken);
    }
}
