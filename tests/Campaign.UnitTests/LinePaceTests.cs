using Campaign.Grains.Campaigns;

namespace Campaign.UnitTests;

/// <summary>The lines' pace learned timing books holds by: assumed until calls end, then measured from them.</summary>
public class LinePaceTests
{
    [Fact]
    public void Until_a_call_ends_the_configured_pace_is_assumed()
    {
        var pace = new LinePace(30);

        Assert.Equal(30, pace.CallsPerLineHour);
        Assert.Equal(2 * 30 * LinePace.DefaultBookHours, pace.HeldPerHour(2));
    }

    [Fact]
    public void The_first_call_sets_the_pace_and_later_calls_move_it_toward_theirs()
    {
        var pace = new LinePace(30, bookHours: 1);
        pace.Observe(TimeSpan.FromSeconds(45));
        Assert.Equal(80, pace.CallsPerLineHour, precision: 6);

        for (var i = 0; i < 200; i++)
        {
            pace.Observe(TimeSpan.FromMinutes(3));
        }

        Assert.Equal(20, pace.CallsPerLineHour, precision: 1);
        Assert.Equal(40, pace.HeldPerHour(2));
    }

    [Fact]
    public void A_call_shorter_than_a_second_counts_as_one_second()
    {
        var pace = new LinePace(30, bookHours: 1);
        pace.Observe(TimeSpan.Zero);

        Assert.Equal(3600, pace.CallsPerLineHour, precision: 6);
    }
}
