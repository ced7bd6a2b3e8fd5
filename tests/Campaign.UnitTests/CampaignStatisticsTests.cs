using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;

namespace Campaign.UnitTests;

/// <summary>
/// The campaign's running statistics: counted once from the store, then call by call as calls settle, with each
/// call counted exactly once however its settle and the count from the store overlap.
/// </summary>
public class CampaignStatisticsTests
{
    private static CallFacts Answered(string id, string? segment = "seg-a", string interest = "Interested", params string[] concerns) =>
        new(id, segment, "Answered", interest, "None", 10, DayOfWeek.Monday, concerns, concerns.Select(c => new ConcernQuote(c, $"{id} said {c}")).ToList());

    private static CallFacts NoAnswer(string id) => new(id, "seg-a", "NoAnswer", null, null, 11, DayOfWeek.Tuesday, [], null);

    /// <summary>A store holding some ended calls; a count leaves out the ones asked to.</summary>
    private sealed class Store(params CallFacts[] stored)
    {
        public List<CallFacts> Calls { get; } = [.. stored];

        public int Counts { get; private set; }

        public TaskCompletionSource? Gate { get; set; }

        public async Task<CampaignTally> CountAsync(IReadOnlySet<string> excluding)
        {
            Counts++;
            var snapshot = Calls.ToList();
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            var tally = new CampaignTally();
            foreach (var call in snapshot.Where(c => !excluding.Contains(c.CallId)))
            {
                tally.Add(call);
            }

            return tally;
        }
    }

    [Fact]
    public async Task Counts_the_store_once_then_adds_each_settled_call()
    {
        var store = new Store(Answered("c1", concerns: "price"), NoAnswer("c2"));
        var statistics = new CampaignStatistics(() => Task.FromResult<IReadOnlySet<string>>(new HashSet<string>()), store.CountAsync);

        var first = await statistics.GetAsync();
        Assert.Equal(2, first.Calls);

        statistics.CountSettled(Answered("c3", interest: "NotInterested", concerns: "price"));
        var stats = (await statistics.GetAsync()).Stats(10);

        Assert.Equal(1, store.Counts);
        var segment = Assert.Single(stats.BySegment);
        Assert.Equal((3, 2, 1, 1), (segment.Called, segment.Answered, segment.Interested, segment.NotInterested));
        var price = Assert.Single(stats.TopConcerns);
        Assert.Equal(2, price.Count);
        Assert.Equal("c3 said price", price.Examples[0]); // the latest call's words first
        Assert.Equal(2, (await statistics.GetAsync()).Results["Answered"]);
    }

    [Fact]
    public async Task A_call_whose_settle_is_under_way_when_counting_starts_counts_once()
    {
        // c2's work item is already settled in the store (no longer in a call) and its record stored, but the settle
        // has not come back to the campaign yet when a count starts: it counts on settling, not from the store as well.
        var store = new Store(Answered("c1"), Answered("c2"));
        var statistics = new CampaignStatistics(() => Task.FromResult<IReadOnlySet<string>>(new HashSet<string>()), store.CountAsync);

        statistics.Settling("c2");
        var counted = await statistics.GetAsync();
        statistics.CountSettled(Answered("c2"));

        Assert.Equal(2, counted.Calls);
        Assert.Equal(2, (await statistics.GetAsync()).Results["Answered"]);
    }

    [Fact]
    public async Task A_settle_that_found_the_call_already_settled_leaves_it_to_the_store()
    {
        var store = new Store(Answered("c1"), Answered("c2"));
        var statistics = new CampaignStatistics(() => Task.FromResult<IReadOnlySet<string>>(new HashSet<string>()), store.CountAsync);

        statistics.Settling("c2");
        statistics.NotSettled("c2");

        Assert.Equal(2, (await statistics.GetAsync()).Results["Answered"]);
    }

    [Fact]
    public async Task A_call_still_in_progress_when_counting_starts_counts_once_when_it_settles()
    {
        // c2 ended and is stored, but its work item was still in a call when the count began: it counts on settling.
        var store = new Store(Answered("c1"), Answered("c2")) { Gate = new TaskCompletionSource() };
        var statistics = new CampaignStatistics(() => Task.FromResult<IReadOnlySet<string>>(new HashSet<string> { "c2" }), store.CountAsync);

        var counting = statistics.GetAsync();
        statistics.CountSettled(Answered("c2"));
        store.Gate.SetResult();
        var tally = await counting;

        Assert.Equal(2, tally.Calls);
        Assert.Equal(2, tally.Results["Answered"]);
    }

    [Fact]
    public async Task A_call_settled_before_counting_is_counted_from_the_store_only()
    {
        var statistics = new CampaignStatistics(() => Task.FromResult<IReadOnlySet<string>>(new HashSet<string>()), new Store(Answered("c1")).CountAsync);

        statistics.CountSettled(Answered("c1")); // nothing counted yet: the store has it
        Assert.Equal(1, (await statistics.GetAsync()).Calls);
    }

    [Fact]
    public async Task A_recount_reads_the_store_again()
    {
        var store = new Store(Answered("c1", concerns: "price"));
        var statistics = new CampaignStatistics(() => Task.FromResult<IReadOnlySet<string>>(new HashSet<string>()), store.CountAsync);
        Assert.Single((await statistics.GetAsync()).Stats(10).TopConcerns);

        store.Calls[0] = store.Calls[0] with { Concerns = [], ConcernQuotes = null }; // redacted
        statistics.Recount();

        Assert.Empty((await statistics.GetAsync()).Stats(10).TopConcerns);
        Assert.Equal(2, store.Counts);
    }

    [Fact]
    public void Answers_by_weekday_and_hour_start_on_monday()
    {
        var tally = new CampaignTally();
        tally.Add(Answered("c1"));
        tally.Add(NoAnswer("c2"));
        tally.Add(new CallFacts("c3", null, "Answered", null, "Callback", null, null, [], null));

        var stats = tally.Stats(10);
        Assert.Equal(1.0, stats.AnswerRateByHourAndWeekday[0][10]);
        Assert.Equal(0.0, stats.AnswerRateByHourAndWeekday[1][11]);
        Assert.Equal(1, stats.FollowUps.Callback);
        Assert.Equal(3, stats.BySegment.Sum(s => s.Called));
        Assert.Equal(1, stats.BySegment.Single(s => s.Segment is null).Unknown);
    }
}
