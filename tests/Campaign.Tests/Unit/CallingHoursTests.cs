using Campaign.Grains.Compliance;
using Microsoft.Extensions.Options;

namespace Campaign.Tests.Unit;

public class CallingHoursTests
{
    private static CallingHours Hours(Action<ComplianceOptions>? configure = null)
    {
        var options = new ComplianceOptions();
        configure?.Invoke(options);
        return new CallingHours(Options.Create(options));
    }

    [Fact]
    public void Configuration_can_narrow_the_legal_hours_but_never_widen_them()
    {
        Assert.Equal((TimeSpan.FromHours(8), TimeSpan.FromHours(21)), Hours(o => { o.CallingHoursFrom = TimeSpan.FromHours(5); o.CallingHoursTo = TimeSpan.FromHours(23); }).LegalHours);
        Assert.Equal((TimeSpan.FromHours(9), TimeSpan.FromHours(20)), Hours(o => { o.CallingHoursFrom = TimeSpan.FromHours(9); o.CallingHoursTo = TimeSpan.FromHours(20); }).LegalHours);
    }

    [Theory]
    [InlineData("2026-11-26T12:59:59Z", false)]
    [InlineData("2026-11-26T13:00:00Z", true)]
    [InlineData("2026-11-27T01:59:59Z", true)]
    [InlineData("2026-11-27T02:00:00Z", false)]
    public void The_legal_bound_is_08_to_21_in_the_customers_local_time(string utc, bool legal)
    {
        var hours = Hours();
        Assert.Equal(legal, hours.IsLegal(hours.ZoneFor("America/New_York", null, null), DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_time_zone_comes_from_the_customer_then_the_area_then_the_campaign_then_the_default()
    {
        var hours = Hours(o => { o.AreaTimeZones["Riverside"] = "America/Los_Angeles"; o.DefaultTimeZone = "Europe/Lisbon"; });
        Assert.Equal("Asia/Tokyo", hours.ZoneFor("Asia/Tokyo", "Riverside", "Europe/Paris").Id);
        Assert.Equal("America/Los_Angeles", hours.ZoneFor(null, "riverside", "Europe/Paris").Id);
        Assert.Equal("Europe/Paris", hours.ZoneFor(null, "Oakwood", "Europe/Paris").Id);
        Assert.Equal("Europe/Lisbon", hours.ZoneFor(null, null, null).Id);
    }
}
