using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Campaigns;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

public class DiallerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));

    // "open": always; "day": 09:00–21:00 UTC; "closed": never.
    private static bool IsOpen(string zone, DateTimeOffset at) => zone switch
    {
        "open" => true,
        "day" => at.Hour is >= 9 and < 21,
        _ => false,
    };

    private DateTimeOffset Now => _clock.GetUtcNow();

    private static WorkItem Item(long seq, string zone = "open") => new(seq, $"C-{seq}", null, WorkItemState.Pending, 0, DateTimeOffset.MinValue, null, zone);

    [Theory]
    [InlineData(10, 3, int.MaxValue, 7)]
    [InlineData(10, 3, 2, 2)]
    [InlineData(10, 10, 5, 0)]
    [InlineData(5, 7, 100, -2)]
    public void Room_is_the_quota_less_the_live_calls_within_the_budget(int quota, int live, int budget, int room)
    {
        Assert.Equal(room, Dialler.Room(quota, live, budget));
    }

    [Fact]
    public void A_refill_reads_two_rounds_of_the_quota_and_at_least_twenty()
    {
        Assert.Equal((20, 20, 60), (Dialler.RefillSize(1), Dialler.RefillSize(10), Dialler.RefillSize(30)));
    }

    [Fact]
    public void Only_open_zones_are_refilled_from_and_the_zone_list_is_read_again_after_ten_seconds()
    {
        var dialler = new Dialler(IsOpen);
        Assert.True(dialler.ZonesStale(Now));

        dialler.KnowZones(["open", "day", "closed"], Now);
        Assert.Equal(["open"], dialler.OpenZones(Now));
        Assert.False(dialler.ZonesStale(Now));

        _clock.Advance(TimeSpan.FromHours(1)); // 09:00: the day zone opens
        Assert.Equal(["open", "day"], dialler.OpenZones(Now));
        Assert.True(dialler.ZonesStale(Now));
    }

    [Fact]
    public void The_hopper_takes_each_customer_once_and_gives_them_in_order()
    {
        var dialler = new Dialler(IsOpen);

        dialler.Refill([Item(1), Item(2)]);
        dialler.Refill([Item(2), Item(3)]);

        Assert.Equal(3, dialler.Waiting);
        Assert.Equal([1L, 2L], dialler.Next(2).Select(i => i.Seq));
        Assert.Equal(1, dialler.Take().Seq);
        Assert.Equal([2L, 3L], dialler.Next(5).Select(i => i.Seq));
        Assert.False(dialler.NeedsRefill(2));
        Assert.True(dialler.NeedsRefill(3));
    }

    [Fact]
    public void A_closed_zones_customers_are_not_dialled_when_their_hours_end_while_they_wait()
    {
        var dialler = new Dialler(IsOpen);
        _clock.Advance(TimeSpan.FromHours(12)); // 20:00
        dialler.Refill([Item(1, "day"), Item(2, "open"), Item(3, "day")]);

        dialler.DropClosed(Now);
        Assert.Equal(3, dialler.Waiting);

        _clock.Advance(TimeSpan.FromHours(1)); // 21:00: the day zone closes
        dialler.DropClosed(Now);

        Assert.Equal([2L], dialler.Next(10).Select(i => i.Seq));
    }

    [Fact]
    public void A_pause_empties_the_hopper()
    {
        var dialler = new Dialler(IsOpen);
        dialler.Refill([Item(1), Item(2)]);

        dialler.Clear();

        Assert.Equal(0, dialler.Waiting);
    }

    [Fact]
    public void The_daily_budget_counts_live_calls_as_made_and_a_spent_minute_budget_stops_dialling()
    {
        var limited = Definition(maxCalls: 100, maxMinutes: 60);

        Assert.Equal(100 - 40 - 5, DailyBudget.CallsLeft(limited, callsToday: 40, minutesToday: 10, live: 5));
        Assert.Equal(0, DailyBudget.CallsLeft(limited, callsToday: 99, minutesToday: 10, live: 5));
        Assert.Equal(0, DailyBudget.CallsLeft(limited, callsToday: 1, minutesToday: 60, live: 0));
        Assert.Equal(int.MaxValue, DailyBudget.CallsLeft(Definition(maxCalls: null, maxMinutes: 60), 500, 59.5, 3));
        Assert.False(DailyBudget.IsLimited(Definition(null, null)));
    }

    [Fact]
    public void The_budget_day_starts_at_midnight_in_the_campaigns_time_zone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var start = DailyBudget.DayStart(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero), newYork);

        Assert.Equal(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.FromHours(-5)), start);
    }

    private static CampaignDefinition Definition(int? maxCalls, int? maxMinutes) =>
        new("c", null, null, "s", [], 10, null, RetryPolicy.Default, VoicemailPolicy.Default, MaxCallsPerDay: maxCalls, MaxMinutesPerDay: maxMinutes);
}
