using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;
using Campaign.Host.Api;

namespace Campaign.UnitTests;

/// <summary>
/// Insights across campaigns without a silo: the Wilson interval, ranking by its lower bound, grouping each call under
/// every group of its customer, the weekly trend, the weekday × hour grid and the date range.
/// </summary>
public class InsightsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static InsightCall Call(
        string customer,
        CallResult result,
        Interest? interest = null,
        FollowUpKind? followUp = null,
        bool optedOut = false,
        string? segment = null,
        int days = 0,
        int? hour = 10,
        DayOfWeek? weekday = DayOfWeek.Monday) =>
        new(customer, segment, Monday.AddDays(days), result, interest, followUp, optedOut, hour, weekday);

    private static IEnumerable<InsightCall> Calls(string customer, int answered, int placed) =>
        Enumerable.Range(0, placed).Select(i => Call(customer, i < answered ? CallResult.Answered : CallResult.NoAnswer));

    [Theory]
    [InlineData(3, 4, 0.75, 0.3006, 0.9544)]
    [InlineData(300, 500, 0.6, 0.5565, 0.6420)]
    [InlineData(0, 10, 0, 0, 0.2775)]
    [InlineData(10, 10, 1, 0.7225, 1)]
    public void The_Wilson_interval_matches_the_formula(int successes, int trials, double value, double low, double high)
    {
        var rate = RateInterval.Wilson(successes, trials);

        Assert.Equal(value, rate.Value!.Value, 4);
        Assert.Equal(low, rate.Low, 4);
        Assert.Equal(high, rate.High, 4);
    }

    [Fact]
    public void Nothing_counted_is_an_unknown_rate_spanning_everything()
    {
        Assert.Equal(new RateInterval(null, 0, 1), RateInterval.Wilson(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RateInterval.Wilson(5, 4));
    }

    [Fact]
    public void Three_of_four_ranks_below_three_hundred_of_five_hundred()
    {
        var tally = new InsightsTally();
        foreach (var call in Calls("few", 3, 4).Concat(Calls("many", 300, 500)))
        {
            tally.Add(call);
        }

        var groups = new InsightGroups();
        groups.AddProfile("few", "Hilltop", [], []);
        groups.AddProfile("many", "Riverside", [], []);

        var ranked = tally.Rank(groups);

        Assert.Equal(["Riverside", "Hilltop"], ranked.Select(r => r.Group.Key));
        Assert.True(ranked[1].AnswerRate.Value > ranked[0].AnswerRate.Value, "the smaller group has the higher raw rate");
        Assert.Equal((500, 300), (ranked[0].Calls, ranked[0].Answered));
    }

    [Fact]
    public void A_call_counts_under_its_customers_area_each_issue_category_each_tag_and_saved_segment()
    {
        var tally = new InsightsTally();
        tally.Add(Call("ana", CallResult.Answered, Interest.Interested, FollowUpKind.Callback));
        tally.Add(Call("ana", CallResult.NoAnswer));
        tally.Add(Call("ben", CallResult.Answered, Interest.NotInterested, FollowUpKind.LeaveAlone, optedOut: true));
        var groups = new InsightGroups();
        groups.AddProfile("ana", "Riverside", ["water", "billing", "water"], ["vip"]);
        groups.AddProfile("ben", "Riverside", ["water"], []);
        groups.Add(new InsightGroup(InsightKind.Segment, "seg-1", "Water complaints"), "ana");

        var ranked = tally.Rank(groups).ToDictionary(r => (r.Group.Kind, r.Group.Key));

        Assert.Equal(5, ranked.Count);
        var area = ranked[(InsightKind.Area, "Riverside")];
        Assert.Equal((3, 2, 1, 1, 1), (area.Calls, area.Answered, area.Interested, area.FollowUps, area.OptedOut));
        Assert.Equal(0.5, area.InterestRate.Value);
        Assert.Equal(0.5, area.OptOutRate.Value);
        Assert.Equal((3, 2), (ranked[(InsightKind.IssueCategory, "water")].Calls, ranked[(InsightKind.IssueCategory, "water")].Answered));
        Assert.Equal(2, ranked[(InsightKind.IssueCategory, "billing")].Calls);
        Assert.Equal(2, ranked[(InsightKind.Tag, "vip")].Calls);
        Assert.Equal("Water complaints", ranked[(InsightKind.Segment, "seg-1")].Group.Name);
        Assert.Equal(1, ranked[(InsightKind.Segment, "seg-1")].FollowUpRate.Value);
    }

    [Fact]
    public void A_call_placed_for_a_saved_segment_counts_there_even_when_its_customer_no_longer_matches()
    {
        var tally = new InsightsTally();
        tally.Add(Call("cy", CallResult.Answered, segment: "never-answered"));
        tally.Add(Call("cy", CallResult.Busy));
        var groups = new InsightGroups();
        groups.Declare(new InsightGroup(InsightKind.Segment, "never-answered", "Never answered"));
        groups.Declare(new InsightGroup(InsightKind.Segment, "unused", "Not called"));

        var ranked = tally.Rank(groups);

        var only = Assert.Single(ranked);
        Assert.Equal(("never-answered", 1, 1), (only.Group.Key, only.Calls, only.Answered));
    }

    [Fact]
    public void Cancelled_calls_and_calls_without_a_result_are_not_placed()
    {
        var tally = new InsightsTally();
        tally.Add(Call("dee", CallResult.Cancelled));
        tally.Add(new InsightCall("dee", null, Monday, null, null, null, false, 10, DayOfWeek.Monday));
        tally.Add(Call("dee", CallResult.Voicemail));
        var groups = new InsightGroups();
        groups.AddProfile("dee", null, [], ["late"]);

        var tag = Assert.Single(tally.Rank(groups));

        Assert.Equal((1, 0), (tag.Calls, tag.Answered));
        Assert.Equal(RateInterval.Unknown, tag.InterestRate);
        Assert.Equal(1, tally.Calls);
    }

    [Fact]
    public void The_trend_counts_calls_by_the_week_they_started_in_Monday_first()
    {
        var tally = new InsightsTally();
        tally.Add(Call("eve", CallResult.Answered, days: 0));
        tally.Add(Call("eve", CallResult.NoAnswer, days: 6));
        tally.Add(Call("eve", CallResult.Answered, days: 7));
        var groups = new InsightGroups();
        groups.AddProfile("eve", "Oakwood", [], []);

        var trend = Assert.Single(tally.Rank(groups)).Trend;

        Assert.Equal([(new DateOnly(2026, 11, 30), 2, 1), (new DateOnly(2026, 12, 7), 1, 1)], trend.Select(w => (w.Week, w.Calls, w.Answered)));
        Assert.Equal(0.5, trend[0].AnswerRate.Value);
        Assert.Equal(new DateOnly(2026, 11, 30), InsightCounts.WeekOf(new DateTimeOffset(2026, 12, 6, 23, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_timing_grid_is_Monday_first_by_local_hour_with_intervals_and_calls()
    {
        var grid = new TimingGrid();
        grid.Add(Call("fay", CallResult.Answered, hour: 9, weekday: DayOfWeek.Monday));
        grid.Add(Call("fay", CallResult.NoAnswer, hour: 9, weekday: DayOfWeek.Monday));
        grid.Add(Call("fay", CallResult.Answered, hour: 18, weekday: DayOfWeek.Sunday));
        grid.Add(Call("fay", CallResult.Answered, hour: null));
        grid.Add(Call("fay", CallResult.Cancelled, hour: 9));

        var rates = grid.AnswerRate();

        Assert.Equal(3, grid.Calls);
        Assert.Equal(7, rates.Count);
        Assert.All(rates, row => Assert.Equal(24, row.Count));
        Assert.Equal(new TimingCell(0.5, RateInterval.Wilson(1, 2).Low, RateInterval.Wilson(1, 2).High, 2), rates[0][9]);
        Assert.Equal((1.0, 1), (rates[6][18].Value!.Value, rates[6][18].Calls));
        Assert.Equal(new TimingCell(null, 0, 1, 0), rates[2][12]);
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-30", "2026-11-30T00:00:00+00:00", "2026-12-01T00:00:00+00:00")]
    [InlineData("2026-11-30T09:00:00Z", null, "2026-11-30T09:00:00+00:00", null)]
    [InlineData(null, "2026-11-30T10:00:00+01:00", null, "2026-11-30T09:00:00.001+00:00")]
    [InlineData(null, null, null, null)]
    public void A_range_takes_dates_as_whole_days_and_instants_inclusive(string? from, string? to, string? start, string? until)
    {
        var (range, _, _) = InsightsRange.Parse(from, to);

        Assert.Equal(start is null ? null : DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), range!.From);
        Assert.Equal(until is null ? null : DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture), range.Until);
    }

    [Theory]
    [InlineData("yesterday", null, "from")]
    [InlineData("2026-11-31", null, "from")]
    [InlineData(null, "30/11/2026", "to")]
    [InlineData("2026-12-02", "2026-12-01", "from")]
    public void A_bad_range_names_the_parameter(string? from, string? to, string field)
    {
        var (range, error, named) = InsightsRange.Parse(from, to);

        Assert.Null(range);
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Equal(field, named);
    }
}
