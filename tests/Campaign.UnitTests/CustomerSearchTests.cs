using Campaign.Abstractions.Storage;

namespace Campaign.UnitTests;

public class CustomerSearchTests
{
    [Theory]
    [InlineData("(415) 555-01", "41555501")]
    [InlineData("+1 415.555.0101", "14155550101")]
    [InlineData("415 555", "415555")]
    [InlineData("41", "")]
    public void Text_that_looks_like_a_phone_number_searches_phone_digits(string text, string digits) =>
        Assert.Equal(digits, CustomerSearch.Parse(text)!.Digits);

    [Theory]
    [InlineData("Quentin Srfeca555d")]
    [InlineData("cust-1002")]
    [InlineData("unit 4155")]
    public void Digits_inside_a_name_or_id_do_not_match_every_phone_that_holds_them(string text)
    {
        var search = CustomerSearch.Parse(text)!;

        Assert.Equal("", search.Digits);
        Assert.False(search.Matches("other-1", "Someone Else", "+14155550102"));
    }
}
