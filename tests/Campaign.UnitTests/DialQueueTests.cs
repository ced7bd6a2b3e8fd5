using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;
using Campaign.UnitTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

/// <summary>The dialler's queue fed from the work list, in due order or by learned timing.</summary>
public class DialQueueTests
{
    private const string NewYork = "America/New_York";

    private readonly FakeTimeProvider _clock = new(TestTiming.MondayMorningInNewYork);
    private readonly InMemoryWorkListStore _store = new();
    private readonly RecordingLogger _logger = new();

    private DateTimeOffset Now => _clock.GetUtcNow();

    // "open": always; "day": 09:00–21:00 UTC; "closed": never; a time zone (learned timing's tests): always.
    private static bool IsOpen(string zone, DateTimeOffset at) => zone switch
    {
        "day" => at.Hour is >= 9 and < 21,
        "closed" => false,
        _ => true,
    };

    private DialQueue Queue(TestTiming? timing = null) =>
        new("c", new CampaignWorkList(_store, "c"), (timing ?? TestTiming.Failing()).Timing, IsOpen, _clock, _logger);

    [Fact]
    public async Task Due_customers_in_open_places_are_queued_in_due_order()
    {
        _store.Add(1, Now.AddMinutes(-1), "open");
        _store.Add(2, Now.AddMinutes(-5), "closed");
        _store.Add(3, Now.AddHours(1), "open");
        _store.Add(4, Now.AddMinutes(-2), "open");
        var queue = Queue();

        await queue.FillAsync(5, TestCampaigns.Definition());

        Assert.Equal([4L, 1L], queue.Next(5).Select(i => i.Seq));
    }

    [Fact]
    public async Task A_customer_whose_calling_hours_end_while_waiting_leaves_the_queue()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 20, 58, 0, TimeSpan.Zero));
        _store.Add(1, Now.AddMinutes(-1), "day");
        _store.Add(2, Now.AddMinutes(-1), "open");
        var queue = Queue();
        await queue.FillAsync(5, TestCampaigns.Definition());
        Assert.Equal(2, queue.Waiting);

        _clock.Advance(TimeSpan.FromMinutes(2)); // 21:00: the day place closes
        await queue.FillAsync(1, TestCampaigns.Definition());

        Assert.Equal([2L], queue.Next(5).Select(i => i.Seq));
    }

    [Fact]
    public async Task The_work_list_is_read_again_only_when_fewer_wait_than_there_is_room_for()
    {
        _store.Add(1, Now.AddMinutes(-3), "open");
        _store.Add(2, Now.AddMinutes(-2), "open");
        var queue = Queue();
        await queue.FillAsync(2, TestCampaigns.Definition());
        _store.Add(3, Now.AddMinutes(-1), "open");

        await queue.FillAsync(2, TestCampaigns.Definition());
        Assert.Equal(2, queue.Waiting);

        await queue.FillAsync(3, TestCampaigns.Definition());
        Assert.Equal([1L, 2L, 3L], queue.Next(5).Select(i => i.Seq));
    }

    [Fact]
    public async Task Learned_timing_holds_a_customer_likely_out_until_their_good_hour()
    {
        _store.Add(1, Now.AddMinutes(-1), NewYork);
        var queue = Queue(TestTiming.EveningPeople());

        await queue.FillAsync(5, TestCampaigns.Definition(timing: CallTiming.Learned));

        Assert.Equal(0, queue.Waiting);
        Assert.Equal((WorkItemState.Pending, 0, TestTiming.MondayEveningInNewYork), (_store[1].State, _store[1].Attempts, _store[1].DueAt));
        Assert.Equal(CampaignTiming.Held, _store.ResultOf(1));
    }

    [Fact]
    public async Task Learned_timing_holds_no_more_customers_for_an_hour_than_the_lines_can_call_then_and_calls_the_rest_now()
    {
        // One line at 2 calls an hour: 17:00 to 21:00 take 2 held customers each, the ninth is called now.
        for (var seq = 1; seq <= 9; seq++)
        {
            _store.Add(seq, Now.AddMinutes(-1), NewYork);
        }

        var queue = new DialQueue("c", new CampaignWorkList(_store, "c"), TestTiming.EveningPeople().Timing, IsOpen, _clock, _logger, pace: new LinePace(2, bookHours: 1));

        await queue.FillAsync(1, TestCampaigns.Definition(maxConcurrentCalls: 1, timing: CallTiming.Learned));

        var heldFor = Enumerable.Range(1, 9).Where(seq => _store.ResultOf(seq) == CampaignTiming.Held)
            .GroupBy(seq => TimeZoneInfo.ConvertTime(_store[seq].DueAt, TimeZoneInfo.FindSystemTimeZoneById(NewYork)).Hour)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [17] = 2, [18] = 2, [19] = 2, [20] = 2 }, heldFor);
        Assert.Equal(1, queue.Waiting);
    }

    [Fact]
    public async Task Learned_timing_reads_on_past_a_batch_it_holds_entirely_so_the_lines_do_not_wait_for_the_next_pass()
    {
        // At 10:20 in New York the evening people there are held; in Dubai it is 19:20, their good hour.
        for (var seq = 1; seq <= 25; seq++)
        {
            _store.Add(seq, Now.AddMinutes(-10), NewYork);
        }

        for (var seq = 26; seq <= 28; seq++)
        {
            _store.Add(seq, Now.AddMinutes(-1), "Asia/Dubai");
        }

        var queue = Queue(TestTiming.EveningPeople());

        await queue.FillAsync(1, TestCampaigns.Definition(maxConcurrentCalls: 1, timing: CallTiming.Learned));

        Assert.Equal([26L, 27L, 28L], queue.Next(5).Select(i => i.Seq).Order());
        Assert.Equal(25, Enumerable.Range(1, 25).Count(seq => _store.ResultOf(seq) == CampaignTiming.Held));
    }

    [Fact]
    public async Task The_hold_book_follows_the_pace_the_lines_were_measured_at()
    {
        for (var seq = 1; seq <= 9; seq++)
        {
            _store.Add(seq, Now.AddMinutes(-1), NewYork);
        }

        // Assumed 60 calls a line-hour, measured at half an hour a call: 2 an hour, as above.
        var pace = new LinePace(60, bookHours: 1);
        pace.Observe(TimeSpan.FromMinutes(30));
        var queue = new DialQueue("c", new CampaignWorkList(_store, "c"), TestTiming.EveningPeople().Timing, IsOpen, _clock, _logger, pace: pace);

        await queue.FillAsync(1, TestCampaigns.Definition(maxConcurrentCalls: 1, timing: CallTiming.Learned));

        Assert.Equal(8, Enumerable.Range(1, 9).Count(seq => _store.ResultOf(seq) == CampaignTiming.Held));
        Assert.Equal(1, queue.Waiting);
    }

    [Fact]
    public async Task Learned_timing_reads_only_the_customers_not_yet_queued()
    {
        for (var seq = 1; seq <= 3; seq++)
        {
            _store.Add(seq, Now.AddMinutes(-seq), NewYork);
        }

        var timing = TestTiming.AnyHour();
        var queue = Queue(timing);
        var learned = TestCampaigns.Definition(timing: CallTiming.Learned);
        await queue.FillAsync(1, learned);
        Assert.Equal(3, queue.Waiting);
        Assert.Equal(6, timing.Reads); // each customer's profile and history

        var taken = queue.Take();
        await _store.MarkDialingAsync("c", taken.Seq, "call");
        await queue.FillAsync(3, learned);

        Assert.Equal(6, timing.Reads);
        Assert.Equal(2, queue.Waiting);
    }

    [Fact]
    public async Task When_learned_timing_fails_customers_are_called_in_due_order()
    {
        _store.Add(1, Now.AddMinutes(-1), NewYork);
        _store.Add(2, Now.AddMinutes(-2), NewYork);
        var queue = Queue(TestTiming.Failing());

        await queue.FillAsync(5, TestCampaigns.Definition(timing: CallTiming.Learned));

        Assert.Equal([2L, 1L], queue.Next(5).Select(i => i.Seq));
        var message = Assert.Single(_logger.Messages);
        Assert.StartsWith("Campaign c: learned timing unavailable", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cleared_queue_keeps_its_customers_pending_in_the_work_list()
    {
        _store.Add(1, Now.AddMinutes(-1), "open");
        var queue = Queue();
        await queue.FillAsync(5, TestCampaigns.Definition());

        queue.Clear();

        Assert.Equal(0, queue.Waiting);
        Assert.Equal(WorkItemState.Pending, _store[1].State);
    }
}
