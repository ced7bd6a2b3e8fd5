using System.Globalization;
using Campaign.Grains.Compliance;
using Microsoft.Extensions.Options;

namespace Campaign.UnitTests;

/// <summary>Where a customer is called from, and whether the law of every zone and jurisdiction they may be in allows a call.</summary>
public class CallingPlaceTests
{
    private static CustomerLocator Locator(Action<ComplianceOptions>? configure = null)
    {
        var options = new ComplianceOptions();
        configure?.Invoke(options);
        return new CustomerLocator(Options.Create(options));
    }

    private static readonly CallingHours Hours = new(Options.Create(new ComplianceOptions()));

    private static DateTimeOffset Utc(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Theory]
    [InlineData("+14155550100", "America/Los_Angeles", "US-CA")] // San Francisco
    [InlineData("+18085550100", "Pacific/Honolulu", "US-HI")]
    [InlineData("+13055550100", "America/New_York", "US-FL")] // Miami
    [InlineData("+15125550100", "America/Chicago", "US-TX")] // Austin
    [InlineData("+14165550100", "America/Toronto", "CA")]
    [InlineData("+33142685300", "Europe/Paris", "FR")]
    public void Without_an_imported_zone_the_phone_number_gives_the_zone_and_the_jurisdiction(string phone, string zone, string jurisdiction)
    {
        var place = Locator().Locate(null, phone, "Riverside");

        Assert.Equal([zone], place.Zones);
        Assert.Equal((TimeZoneSource.Phone, jurisdiction), (place.Source, place.Jurisdiction));
    }

    [Fact]
    public void The_imported_zone_wins_then_the_phone_then_the_area_and_otherwise_it_is_unknown()
    {
        var locator = Locator(o => o.AreaTimeZones["Riverside"] = "Europe/Lisbon");

        Assert.Equal((TimeZoneSource.Imported, "Asia/Tokyo"), Source(locator.Locate("Asia/Tokyo", "+14155550100", "Riverside")));
        Assert.Equal((TimeZoneSource.Phone, "America/Los_Angeles"), Source(locator.Locate(null, "+14155550100", "Riverside")));
        // +800 is a valid international freephone number with no zone of its own.
        Assert.Equal((TimeZoneSource.Area, "Europe/Lisbon"), Source(locator.Locate(null, "+80012345678", "riverside")));
        Assert.Equal((TimeZoneSource.Unknown, (string?)null), Source(locator.Locate(null, "+80012345678", "Oakwood")));
        Assert.Equal("", locator.Locate(null, "+80012345678", "Oakwood").Key);

        static (TimeZoneSource, string?) Source(CallingPlace place) => (place.Source, place.Zones.FirstOrDefault());
    }

    [Fact]
    public void A_number_spanning_two_zones_is_called_only_when_both_allow_it()
    {
        // 986 (Idaho) is in both Mountain and Pacific time.
        var place = Locator().Locate(null, "+19862345678", null);
        Assert.Equal(["America/Boise", "America/Los_Angeles"], place.Zones);
        Assert.Equal("US-ID", place.Jurisdiction);

        Assert.False(Hours.IsLegal(place, Utc("2026-11-26T15:30:00"))); // 08:30 Boise, 07:30 Los Angeles
        Assert.True(Hours.IsLegal(place, Utc("2026-11-26T16:00:00"))); // 08:00 Los Angeles
        Assert.True(Hours.IsLegal(place, Utc("2026-11-27T03:59:00"))); // 20:59 Boise
        Assert.False(Hours.IsLegal(place, Utc("2026-11-27T04:00:00"))); // 21:00 Boise
    }

    [Fact]
    public void A_toll_free_number_spans_every_zone_of_the_plan_and_is_called_only_when_all_allow_it()
    {
        // From Guam (UTC+10) to Adak (UTC-10) and St John's (UTC-3:30): 22:00 to 00:30 UTC is lawful in all of them.
        var place = Locator().Locate(null, "+18005550100", null);

        Assert.Contains("Pacific/Guam", place.Zones);
        Assert.Contains("America/Adak", place.Zones);
        var lawful = Enumerable.Range(0, 48).Select(h => Utc("2026-11-26T12:00:00").AddMinutes(30 * h)).Where(t => Hours.IsLegal(place, t)).ToList();
        Assert.Equal([Utc("2026-11-26T22:00:00"), Utc("2026-11-26T22:30:00"), Utc("2026-11-26T23:00:00"), Utc("2026-11-26T23:30:00"), Utc("2026-11-27T00:00:00")], lawful);
    }

    [Fact]
    public void The_key_a_work_list_keeps_names_the_same_place()
    {
        var place = Locator().Locate(null, "+19862345678", null);

        var parsed = CallingPlace.Parse(place.Key);

        Assert.Equal(place.Zones, parsed.Zones);
        Assert.Equal(place.Jurisdictions, parsed.Jurisdictions);
        Assert.Equal("America/Boise America/Los_Angeles@US,US-ID", place.Key);
    }

    [Fact]
    public void A_zone_whose_name_has_a_sign_survives_the_key()
    {
        var place = Locator().Locate("Etc/GMT+4", "+12125550100", null);

        Assert.Equal(["Etc/GMT+4"], CallingPlace.Parse(place.Key).Zones);
    }

    [Fact]
    public void The_customers_own_state_adds_its_law()
    {
        var place = Locator().Locate("America/New_York", "+12125550100", null, state: "fl");

        Assert.Equal(["US", "US-NY", "US-FL"], place.Jurisdictions);
        Assert.False(Hours.IsLegal(place, Utc("2026-11-27T01:30:00"))); // 20:30 in New York: Florida forbids it
    }

    /// <summary>The window decision, table-driven: zone, jurisdictions, UTC instant, whether a call is lawful.</summary>
    [Theory]
    // US daylight saving starts Sunday 14 March 2027 (02:00 → 03:00): 12:30 UTC is 07:30 EST the day before, 08:30 EDT that day.
    [InlineData("America/New_York", "US", "2027-03-13T12:30:00", false)]
    [InlineData("America/New_York", "US", "2027-03-14T12:30:00", true)]
    // ...and ends Sunday 1 November 2026: 12:30 UTC is 08:30 EDT the day before, 07:30 EST that day.
    [InlineData("America/New_York", "US", "2026-10-31T12:30:00", true)]
    [InlineData("America/New_York", "US", "2026-11-01T12:30:00", false)]
    // EU summer time starts Sunday 28 March 2027 and ends Sunday 25 October 2026 (Berlin: the default 08:00–21:00).
    [InlineData("Europe/Berlin", "DE", "2027-03-27T06:30:00", false)] // 07:30 CET
    [InlineData("Europe/Berlin", "DE", "2027-03-29T06:30:00", true)] // 08:30 CEST
    [InlineData("Europe/Berlin", "DE", "2026-10-23T06:30:00", true)] // 08:30 CEST
    [InlineData("Europe/Berlin", "DE", "2026-10-26T06:30:00", false)] // 07:30 CET
    [InlineData("Europe/Berlin", "DE", "2026-10-23T18:59:00", true)] // 20:59 CEST
    [InlineData("Europe/Berlin", "DE", "2026-10-26T19:59:00", true)] // 20:59 CET
    [InlineData("Europe/Berlin", "DE", "2026-10-26T20:00:00", false)] // 21:00 CET
    // Florida, Oklahoma and Maryland end at 20:00; New York keeps the federal 21:00.
    [InlineData("America/New_York", "US,US-FL", "2026-11-27T01:30:00", false)] // Thursday 20:30
    [InlineData("America/New_York", "US,US-FL", "2026-11-27T00:59:00", true)] // 19:59
    [InlineData("America/Chicago", "US,US-OK", "2026-11-27T02:30:00", false)] // 20:30
    [InlineData("America/New_York", "US,US-MD", "2026-11-27T01:00:00", false)] // 20:00
    [InlineData("America/New_York", "US,US-NY", "2026-11-27T01:30:00", true)] // 20:30
    // Texas: 09:00–21:00 Monday to Saturday, 12:00–21:00 on Sunday.
    [InlineData("America/Chicago", "US,US-TX", "2026-11-29T17:00:00", false)] // Sunday 11:00
    [InlineData("America/Chicago", "US,US-TX", "2026-11-29T18:00:00", true)] // Sunday 12:00
    [InlineData("America/Chicago", "US,US-TX", "2026-11-28T14:30:00", false)] // Saturday 08:30
    [InlineData("America/Chicago", "US,US-TX", "2026-11-28T15:00:00", true)] // Saturday 09:00
    [InlineData("America/Chicago", "US", "2026-11-29T17:00:00", true)] // Sunday 11:00 in Illinois
    // The issue that started it: numbers with no imported zone, dialled at 06:50 and 04:50 their time.
    [InlineData("America/Los_Angeles", "US,US-CA", "2026-11-26T14:50:00", false)]
    [InlineData("Pacific/Honolulu", "US,US-HI", "2026-11-26T14:50:00", false)]
    [InlineData("Pacific/Honolulu", "US,US-HI", "2026-11-26T18:00:00", true)] // 08:00
    public void The_strictest_rule_of_every_jurisdiction_decides(string zone, string jurisdictions, string utc, bool lawful)
    {
        var place = new CallingPlace([zone], TimeZoneSource.Imported, jurisdictions.Split(','));

        var check = Hours.Check(place, Utc(utc), window: null);

        Assert.Equal(lawful, check.Open);
        Assert.Equal("callingHours", check.Rule);
    }

    [Fact]
    public void A_refusal_names_the_law_and_its_citation()
    {
        var place = new CallingPlace(["America/New_York"], TimeZoneSource.Phone, ["US", "US-FL"]);

        var check = Hours.Check(place, Utc("2026-11-27T01:30:00"), window: null);

        Assert.Contains("20:30 in America/New_York", check.Detail, StringComparison.Ordinal);
        Assert.Contains("Florida", check.Detail, StringComparison.Ordinal);
        Assert.Contains("501.616", check.Detail, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 20, 30, 0, TimeSpan.FromHours(-5)), check.LocalTime);
    }

    [Fact]
    public void Every_rule_carries_a_citation_and_the_federal_bound_is_the_default()
    {
        Assert.All(CallingRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Citation)));
        Assert.Equal("US", CallingRules.Default.Jurisdiction);
        Assert.Equal(3, CallingRules.Of("US-FL")!.MaxCallsPer24Hours);
        Assert.Null(CallingRules.Of("US-NY"));
    }
}
