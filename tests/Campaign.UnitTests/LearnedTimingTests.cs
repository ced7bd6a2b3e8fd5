using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;

namespace Campaign.UnitTests;

public class LearnedTimingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>People who answer 80% of calls from 17:00 to 21:00 and 10% at other hours, every day.</summary>
    private static AnswerPropensity EveningPeople()
    {
        var grid = new TimingGrid();
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                var rate = h is >= 17 and < 21 ? 0.8 : 0.1;
                for (var i = 0; i < 50; i++)
                {
                    var at = Monday.AddDays(d).AddHours(h);
                    var answered = i < rate * 50;
                    grid.Add(new InsightCall("c", null, at, answered ? CallResult.Answered : CallResult.NoAnswer, null, null, false, h, at.DayOfWeek));
                }
            }
        }

        return AnswerPropensity.Prior(grid, null);
    }

    /// <summary>Calling hours 09:00–21:00 local, every day.</summary>
    private static Func<DateTimeOffset, bool> Window(TimeZoneInfo zone, int from = 9, int to = 21) =>
        at => TimeZoneInfo.ConvertTime(at, zone).Hour is var h && h >= from && h < to;

    [Fact]
    public void A_customer_due_in_the_morning_is_held_until_their_evening()
    {
        var now = Monday.AddHours(10).AddMinutes(20);

        var advice = LearnedTiming.Advise(EveningPeople(), TimeZoneInfo.Utc, now, TimeSpan.FromHours(24), Window(TimeZoneInfo.Utc));

        Assert.False(advice.CallNow);
        Assert.Equal(Monday.AddHours(17), advice.HoldUntil);
    }

    [Fact]
    public void A_customer_is_held_for_the_next_good_hour_with_room_and_called_now_when_every_good_hour_is_full()
    {
        var now = Monday.AddHours(10).AddMinutes(20);
        var full = new HashSet<DateTimeOffset> { Monday.AddHours(17) };

        var nextHour = LearnedTiming.Advise(EveningPeople(), TimeZoneInfo.Utc, now, TimeSpan.FromHours(24), Window(TimeZoneInfo.Utc), at => !full.Contains(at));
        var allFull = LearnedTiming.Advise(EveningPeople(), TimeZoneInfo.Utc, now, TimeSpan.FromHours(24), Window(TimeZoneInfo.Utc), at => at.Hour is < 17 or >= 21);

        Assert.Equal(Monday.AddHours(18), nextHour.HoldUntil);
        Assert.True(allFull.CallNow, "no line is left idle now for an evening whose lines are already booked");
        Assert.Equal(0.1 / 0.8, allFull.Priority, 1);
    }

    [Fact]
    public void The_hold_book_counts_holds_by_hour_and_forgets_past_hours()
    {
        var book = new Campaign.Grains.Campaigns.HoldBook();
        var evening = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(-5));

        book.Book(evening);
        book.Book(evening.AddMinutes(30));
        book.Book(evening.AddHours(1));

        Assert.Equal(2, book.Booked(evening.ToUniversalTime()));
        Assert.False(book.HasRoom(evening, perHour: 2));
        Assert.True(book.HasRoom(evening.AddHours(1), perHour: 2));
        book.Forget(evening.AddHours(1));
        Assert.Equal((0, 1), (book.Booked(evening), book.Booked(evening.AddHours(1))));
    }

    [Fact]
    public void A_customer_whose_good_hour_is_now_is_called_first()
    {
        var evening = LearnedTiming.Advise(EveningPeople(), TimeZoneInfo.Utc, Monday.AddHours(18), TimeSpan.FromHours(24), Window(TimeZoneInfo.Utc));
        var morningWithShortHold = LearnedTiming.Advise(EveningPeople(), TimeZoneInfo.Utc, Monday.AddHours(10), TimeSpan.FromHours(2), Window(TimeZoneInfo.Utc));

        Assert.True(evening.CallNow);
        Assert.Equal(1, evening.Priority, 3);
        Assert.True(morningWithShortHold.CallNow); // no better hour within the hold: called, but after the evening one
        Assert.True(morningWithShortHold.Priority < evening.Priority);
    }

    [Fact]
    public void Learning_never_picks_an_hour_outside_the_lawful_window()
    {
        // The best hours (17–21) lie outside a window that closes at 16:00: the hold and the retry stay inside it.
        var window = Window(NewYork, 9, 16);
        for (var minutes = 0; minutes < 7 * 24 * 60; minutes += 37)
        {
            var now = Monday.AddMinutes(minutes);
            if (!window(now))
            {
                continue;
            }

            var advice = LearnedTiming.Advise(EveningPeople(), NewYork, now, TimeSpan.FromHours(48), window);
            Assert.True(advice.CallNow || window(advice.HoldUntil!.Value));
            Assert.True(window(LearnedTiming.NextGoodHour(EveningPeople(), NewYork, now.AddHours(2), TimeSpan.FromHours(48), window)));
        }
    }

    [Fact]
    public void A_no_answer_is_retried_at_the_next_good_hour_in_the_customers_zone()
    {
        // Missed at 10:05 New York time; the policy's delay ends at 12:05; their good hours start at 17:00 New York time.
        var missedAt = new DateTimeOffset(2026, 3, 2, 10, 5, 0, TimeSpan.FromHours(-5));

        var retryAt = LearnedTiming.NextGoodHour(EveningPeople(), NewYork, missedAt.AddHours(2), TimeSpan.FromHours(24), Window(NewYork));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(-5)), retryAt);
    }

    [Fact]
    public void With_no_open_hour_ahead_the_retry_keeps_the_policys_time()
    {
        var earliest = Monday.AddHours(12);

        var retryAt = LearnedTiming.NextGoodHour(EveningPeople(), TimeZoneInfo.Utc, earliest, TimeSpan.FromHours(24), _ => false);

        Assert.Equal(earliest, retryAt);
    }
}
