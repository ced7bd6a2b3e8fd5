using Campaign.Host.Ui;
using Microsoft.Extensions.Options;

namespace Campaign.UnitTests;

public class OperatorTimeTests
{
    private static readonly DateTimeOffset At = new(2026, 7, 1, 9, 25, 42, TimeSpan.Zero);

    [Fact]
    public void Times_are_in_the_operators_zone_to_the_minute_and_name_it()
    {
        var utc = new OperatorTime(Options.Create(new OperatorTimeOptions()));
        var lisbon = new OperatorTime(Options.Create(new OperatorTimeOptions { TimeZone = "Europe/Lisbon" }));

        Assert.Equal("2026-07-01 09:25 UTC", utc.Format(At));
        Assert.Equal("2026-07-01 10:25 Europe/Lisbon", lisbon.Format(At));
        Assert.Equal("2026-07-01 10:25:42 Europe/Lisbon", lisbon.Format(At, seconds: true));
        Assert.Equal("never", lisbon.Format(null, "never"));
        Assert.Equal("<time datetime=\"2026-07-01T09:25:42Z\">2026-07-01 10:25 Europe/Lisbon</time>", lisbon.Html(At).ToString());
        Assert.Null(OperatorTime.Find("Mars/Olympus"));
    }
}
