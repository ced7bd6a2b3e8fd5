using Campaign.Grains;
using Campaign.Grains.Compliance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Campaign.UnitTests;

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
        Assert.Equal(legal, hours.IsLegal(Place("America/New_York", "US"), DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_customer_whose_time_zone_is_unknown_is_never_callable()
    {
        var check = Hours().Check(CallingPlace.Unknown(["US"]), new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero), null);

        Assert.False(check.Open);
        Assert.Equal("timeZoneUnknown", check.Rule);
    }

    private static CallingPlace Place(string zone, string? country) => new([zone], TimeZoneSource.Imported, country is null ? [] : [country]);

    private static bool Legal(CallingHours hours, string zone, string local, string? country)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var at = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        return hours.IsLegal(Place(zone, country), new DateTimeOffset(at, tz.GetUtcOffset(at)));
    }

    [Theory]
    [InlineData("2026-11-26T08:30", "US", true)] // Thursday
    [InlineData("2026-11-26T08:30", "CA", false)] // Canada: weekdays from 09:00
    [InlineData("2026-11-26T21:15", "CA", false)] // the global 21:00 bound still applies
    [InlineData("2026-11-28T09:30", "US", true)] // Saturday
    [InlineData("2026-11-28T09:30", "CA", false)] // Canada: weekends from 10:00
    [InlineData("2026-11-28T17:59", "CA", true)]
    [InlineData("2026-11-28T18:00", "CA", false)]
    public void Canadian_customers_get_the_CRTC_hours(string local, string country, bool legal) =>
        Assert.Equal(legal, Legal(Hours(), "America/Toronto", local, country));

    [Theory]
    [InlineData("2026-11-26T10:00", true)]
    [InlineData("2026-11-26T13:30", false)] // lunch
    [InlineData("2026-11-26T19:59", true)]
    [InlineData("2026-11-26T20:00", false)]
    [InlineData("2026-11-28T11:00", false)] // never at weekends
    public void French_customers_get_the_decree_hours(string local, bool legal) =>
        Assert.Equal(legal, Legal(Hours(), "Europe/Paris", local, "FR"));

    [Fact]
    public void A_country_can_be_narrowed_by_configuration_but_never_widened()
    {
        var hours = Hours(o =>
        {
            o.Countries["CA"] = new CountryCallingHours { CallingHoursFrom = TimeSpan.FromHours(7), CallingHoursTo = TimeSpan.FromHours(23) };
            o.Countries["GB"] = new CountryCallingHours { CallingHoursFrom = TimeSpan.FromHours(9), CallingHoursTo = TimeSpan.FromHours(20) };
        });

        Assert.False(Legal(hours, "America/Toronto", "2026-11-26T08:30", "CA"));
        Assert.False(Legal(hours, "America/Toronto", "2026-11-26T21:15", "CA"));
        Assert.False(Legal(hours, "Europe/London", "2026-11-26T08:30", "GB"));
        Assert.True(Legal(hours, "Europe/London", "2026-11-26T09:00", "GB"));
        Assert.False(Legal(hours, "Europe/London", "2026-11-26T20:00", "GB"));
        Assert.True(Legal(hours, "Europe/London", "2026-11-26T08:30", "IE"));
    }

    [Theory]
    [InlineData("2027-07-14T11:00", "FR", false)] // Fête nationale, a Wednesday
    [InlineData("2027-07-15T11:00", "FR", true)]
    [InlineData("2026-12-25T11:00", "FR", false)] // Christmas, a Friday
    [InlineData("2027-03-29T11:00", "FR", false)] // Easter Monday
    [InlineData("2027-05-06T11:00", "FR", false)] // Ascension
    [InlineData("2027-05-17T11:00", "FR", false)] // Whit Monday
    [InlineData("2027-05-18T11:00", "FR", true)]
    [InlineData("2027-07-14T11:00", "US", true)] // no such rule in the US
    public void French_customers_are_not_called_on_public_holidays(string local, string country, bool legal) =>
        Assert.Equal(legal, Legal(Hours(), country == "FR" ? "Europe/Paris" : "America/New_York", local, country));

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_is_computed_for_any_year(int year, string easter) =>
        Assert.Equal(DateOnly.Parse(easter, System.Globalization.CultureInfo.InvariantCulture), PublicHolidays.EasterSunday(year));

    [Fact]
    public void Configured_no_call_dates_keep_everyone_or_one_country_free_of_calls()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Compliance:NoCallDates:0"] = "2026-12-24",
            ["Compliance:Countries:FR:NoCallDates:0"] = "2027-12-27",
        }).Build();
        var options = new ComplianceOptions();
        configuration.GetSection("Compliance").Bind(options);
        var hours = new CallingHours(Options.Create(options));

        Assert.False(Legal(hours, "America/New_York", "2026-12-24T11:00", "US"));
        Assert.False(hours.IsOpen(Place("America/New_York", "US"), new DateTimeOffset(2026, 12, 24, 16, 0, 0, TimeSpan.Zero), null));
        Assert.True(Legal(hours, "America/New_York", "2026-12-23T11:00", "US"));
        Assert.False(Legal(hours, "Europe/Paris", "2027-12-27T11:00", "FR")); // a Monday, closed by configuration
        Assert.True(Legal(hours, "Europe/Paris", "2027-12-28T11:00", "FR"));
        Assert.True(Legal(hours, "America/New_York", "2027-12-27T11:00", "US"));
    }

    [Fact]
    public void A_malformed_no_call_date_stops_the_start_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Compliance:Countries:FR:NoCallDates:0"] = "26/12/2027",
        }).Build();
        using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddCampaignEngine(configuration).BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Compliance:Countries:FR:NoCallDates:0", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Compliance:Countries:UK:CallingHoursTo", "21:00:00", "Compliance:Countries:UK")]
    [InlineData("Compliance:AreaTimeZones:Riverside", "Pacific Time", "Compliance:AreaTimeZones:Riverside")]
    [InlineData("Compliance:DecisionRetentionDays", "0", "Compliance:DecisionRetentionDays")]
    [InlineData("Compliance:AbandonAfterMs", "0", "Compliance:AbandonAfterMs")]
    [InlineData("Compliance:MaxAbandonRate", "3", "Compliance:MaxAbandonRate")]
    [InlineData("Compliance:MaxAbandonRate", "0", "Compliance:MaxAbandonRate")]
    [InlineData("Compliance:AbandonMinAnsweredCalls", "0", "Compliance:AbandonMinAnsweredCalls")]
    public void An_unknown_country_zone_or_retention_or_an_abandon_limit_out_of_range_stops_the_start_naming_the_key(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddCampaignEngine(configuration).BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+12125550100", "US")]
    [InlineData("+14165550100", "CA")]
    [InlineData("+33142685300", "FR")]
    [InlineData("+442079460000", "GB")]
    [InlineData("not a number", null)]
    public void The_country_comes_from_the_phone_number(string phone, string? country) =>
        Assert.Equal(country, PhoneCountry.Of(phone));
}
