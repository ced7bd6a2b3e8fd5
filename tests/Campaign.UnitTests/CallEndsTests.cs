using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;
using Campaign.Grains.Compliance;
using Campaign.UnitTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

/// <summary>A call's end settles its work item by the retry policy, learned timing moving an unanswered retry, and frees its line.</summary>
public class CallEndsTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(TestTiming.MondayMorningInNewYork);
    private readonly InMemoryWorkListStore _store = new();
    private readonly RecordingLogger _logger = new();
    private readonly CallsInFlight _inFlight = new("c", Stub<IGrainFactory>.Unused(), new RecordingLogger());
    private readonly LinePace _pace = new(30, bookHours: 1);
    private readonly TrunkLines _lines = new("c", Stub<IGrainFactory>.Unused());
    private int _dispatchRequests;

    private DateTimeOffset Now => _clock.GetUtcNow();

    public void Dispose()
    {
        _inFlight.Dispose();
        GC.SuppressFinalize(this);
    }

    private CallEnds Ends(CallTiming timing, TestTiming learned)
    {
        var state = new MemoryState<CampaignState>(new CampaignState { Definition = TestCampaigns.Definition(timing: timing), Status = CampaignStatus.Running });
        var campaign = new CampaignRecord("c", state, Stub<IGrainFactory>.Unused(), new CampaignObservers("c", TimeSpan.FromMinutes(3), _logger));
        var work = new CampaignWorkList(_store, "c");
        var statistics = new CampaignStatistics(() => throw new NotSupportedException(), _ => throw new NotSupportedException());
        var queue = new DialQueue("c", work, learned.Timing, (_, _) => true, _clock, _logger);
        var abandons = new AbandonGuard(campaign, new AbandonRule(TimeSpan.FromSeconds(2), 0.03, 30), queue, _clock, _logger);
        var experiment = new CampaignExperiment(campaign, Stub<ICallStore>.Unused(), _clock, _logger);
        return new CallEnds(campaign, work, _inFlight, statistics, abandons, learned.Timing, experiment, new AnswerForecasts(campaign), _pace, _lines, _clock, _logger, () => _dispatchRequests++);
    }

    private async Task<CallReport> InCallAsync(CallResult result)
    {
        var item = _store.Add(1, Now.AddMinutes(-5), "America/New_York", "C-1");
        await _store.MarkDialingAsync("c", 1, "call-1");
        _inFlight.Add("call-1", item, Now.AddMinutes(-1));
        return new CallReport("call-1", 1, 1, result, null, CustomerId: "C-1");
    }

    [Fact]
    public async Task An_unanswered_call_is_retried_after_the_policys_delay_and_its_line_is_freed()
    {
        var report = await InCallAsync(CallResult.NoAnswer);

        await Ends(CallTiming.Asap, TestTiming.EveningPeople()).EndedAsync(report);

        Assert.Equal((WorkItemState.Pending, 1, Now + RetryPolicy.Default.NoAnswerDelay), (_store[1].State, _store[1].Attempts, _store[1].DueAt));
        Assert.Equal("NoAnswer", _store.ResultOf(1));
        Assert.Equal((0, 1), (_inFlight.Count, _dispatchRequests));
        Assert.Equal(1, _lines.Ending); // given back with the pass's lease
    }

    [Fact]
    public async Task An_ended_call_measures_the_pace_of_the_lines()
    {
        var report = await InCallAsync(CallResult.NoAnswer); // dialled a minute ago

        await Ends(CallTiming.Learned, TestTiming.EveningPeople()).EndedAsync(report);

        Assert.Equal(60, _pace.CallsPerLineHour, precision: 6);
    }

    [Fact]
    public async Task With_learned_timing_an_unanswered_call_is_retried_at_the_customers_next_good_hour()
    {
        var report = await InCallAsync(CallResult.NoAnswer);

        await Ends(CallTiming.Learned, TestTiming.EveningPeople()).EndedAsync(report);

        Assert.Equal(TestTiming.MondayEveningInNewYork, _store[1].DueAt);
    }

    [Fact]
    public async Task With_learned_timing_a_busy_line_keeps_the_policys_delay()
    {
        var report = await InCallAsync(CallResult.Busy);

        await Ends(CallTiming.Learned, TestTiming.EveningPeople()).EndedAsync(report);

        Assert.Equal(Now + RetryPolicy.Default.BusyDelay, _store[1].DueAt);
    }

    [Fact]
    public async Task When_learned_timing_fails_the_retry_keeps_the_policys_delay()
    {
        var report = await InCallAsync(CallResult.Voicemail);

        await Ends(CallTiming.Learned, TestTiming.Failing()).EndedAsync(report);

        Assert.Equal(Now + RetryPolicy.Default.VoicemailDelay, _store[1].DueAt);
        Assert.Equal(["Campaign c: learned timing unavailable (customer C-1), calling in due order: the directory is down"], _logger.Messages);
    }

    [Fact]
    public async Task A_repeated_report_settles_nothing_more()
    {
        var report = await InCallAsync(CallResult.NoAnswer);
        var ends = Ends(CallTiming.Asap, TestTiming.EveningPeople());
        await ends.EndedAsync(report);

        await ends.EndedAsync(report with { Result = CallResult.Answered });

        Assert.Equal(("NoAnswer", 1), (_store.ResultOf(1), _store[1].Attempts));
    }
}
