using Campaign.Grains.Campaigns;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

/// <summary>The campaign's watchdog over its calls in flight: each call checked once a period, none forgotten, none checked twice as often.</summary>
public sealed class CallSweepTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private readonly HashSet<string> _live = ["a", "b"];

    [Fact]
    public void A_call_is_checked_once_each_period_from_when_the_campaign_first_saw_it()
    {
        var sweep = new CallSweep(Period, _clock);

        Assert.Empty(Due(sweep));
        _clock.Advance(Period / 2);
        _live.Add("c");
        Assert.Empty(Due(sweep));

        _clock.Advance(Period / 2);
        Assert.Equal(["a", "b"], Due(sweep));
        _clock.Advance(Period / 4);
        Assert.Empty(Due(sweep));

        _clock.Advance(Period / 4);
        Assert.Equal(["c"], Due(sweep));
        _clock.Advance(Period / 2);
        Assert.Equal(["a", "b"], Due(sweep));
    }

    [Fact]
    public void A_call_that_ended_is_dropped_and_a_pass_soon_after_the_last_walks_nothing()
    {
        var sweep = new CallSweep(Period, _clock);
        Due(sweep);
        _live.Remove("a");
        _clock.Advance(Period);

        Assert.Equal(["b"], Due(sweep));
        _live.Add("a");
        _clock.Advance(Period / 8);
        Assert.Empty(Due(sweep)); // too soon after the last pass: not even seen yet

        _clock.Advance(Period / 8);
        Assert.Empty(Due(sweep)); // seen again as a new call: its period starts now
        _clock.Advance(Period);
        Assert.Equal(["a", "b"], Due(sweep));
    }

    private List<string> Due(CallSweep sweep) => sweep.Due(_live, _live.Contains).Order(StringComparer.Ordinal).ToList();
}
