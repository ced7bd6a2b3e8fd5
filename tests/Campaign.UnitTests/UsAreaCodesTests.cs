using Campaign.Grains.Compliance;
using PhoneNumbers;

namespace Campaign.UnitTests;

public class UsAreaCodesTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly string[] Subscribers = ["2345678", "5550100", "2010123", "4567890"];

    private static readonly HashSet<string> StatesAndDc =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
        "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    ];

    /// <summary>The numbers of an area code that libphonenumber accepts as US ones, if any.</summary>
    private static List<PhoneNumber> ValidUsNumbers(int npa) =>
        Subscribers.Select(s => Util.Parse($"+1{npa}{s}", null)).Where(n => Util.IsValidNumberForRegion(n, "US")).ToList();

    /// <summary>Whether an area code is a geographic one: libphonenumber places at least one of its numbers somewhere in a state.</summary>
    private static bool IsGeographic(List<PhoneNumber> numbers)
    {
        var geocoder = PhoneNumberOfflineGeocoder.GetInstance();
        return numbers.Select(n => geocoder.GetDescriptionForNumber(n, new Locale("en", "US")))
            .Any(d => !string.IsNullOrEmpty(d) && d != "United States");
    }

    [Fact]
    public void Every_geographic_area_code_that_libphonenumber_accepts_for_the_US_is_in_the_table()
    {
        var missing = Enumerable.Range(200, 800)
            .Where(npa => ValidUsNumbers(npa) is { Count: > 0 } numbers && IsGeographic(numbers))
            .Select(npa => npa.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Where(npa => UsAreaCodes.StateOf(npa) is null)
            .ToList();

        Assert.Empty(missing);
        Assert.True(UsAreaCodes.All.Count > 300, $"only {UsAreaCodes.All.Count} area codes");
    }

    [Theory]
    [InlineData("800")]
    [InlineData("833")]
    [InlineData("888")]
    [InlineData("900")]
    [InlineData("500")]
    [InlineData("416")]
    public void Toll_free_non_geographic_and_foreign_area_codes_are_not_in_the_table(string areaCode)
    {
        Assert.Null(UsAreaCodes.StateOf(areaCode));
    }

    [Fact]
    public void Every_area_code_maps_to_one_of_the_fifty_states_or_dc()
    {
        Assert.All(UsAreaCodes.All, entry => Assert.Contains(entry.Value, StatesAndDc));
        Assert.Equal(StatesAndDc.Order(), UsAreaCodes.All.Values.Distinct().Order());
    }

    [Fact]
    public void Every_area_code_has_a_time_zone_the_system_knows()
    {
        var mapper = PhoneNumberToTimeZonesMapper.GetInstance();
        var unknown = UsAreaCodes.All.Keys
            .Where(npa => !ValidUsNumbers(int.Parse(npa, System.Globalization.CultureInfo.InvariantCulture))
                .SelectMany(mapper.GetTimeZonesForNumber)
                .Any(zone => zone != "Etc/Unknown" && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)))
            .ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("415", "CA")]
    [InlineData("808", "HI")]
    [InlineData("305", "FL")]
    [InlineData("405", "OK")]
    [InlineData("410", "MD")]
    [InlineData("512", "TX")]
    [InlineData("212", "NY")]
    [InlineData("202", "DC")]
    public void Well_known_area_codes_are_in_their_states(string areaCode, string state)
    {
        Assert.Equal(state, UsAreaCodes.StateOf(areaCode));
    }

    [Theory]
    [InlineData("+14155550100", "CA")]
    [InlineData("+13055550100", "FL")]
    [InlineData("+14165550100", null)] // Toronto
    [InlineData("+442071234567", null)]
    [InlineData("not a number", null)]
    [InlineData(null, null)]
    public void A_phone_number_is_placed_in_the_state_of_its_area_code_only_when_it_is_a_us_one(string? phone, string? state)
    {
        Assert.Equal(state, UsAreaCodes.StateOfPhone(phone));
    }
}
