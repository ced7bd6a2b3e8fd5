using Campaign.Host.Api;

namespace Campaign.UnitTests;

public class ExportFileNameTests
{
    [Theory]
    [InlineData("Riverside outage — December", "riverside-outage-december-cmp-1-calls.csv")]
    [InlineData("Électricité: Café & Co.", "electricite-cafe-co-cmp-1-calls.csv")]
    [InlineData("  ", "cmp-1-calls.csv")]
    [InlineData("電話", "cmp-1-calls.csv")]
    [InlineData(null, "cmp-1-calls.csv")]
    public void An_export_is_named_after_its_campaign_then_its_id(string? name, string expected) =>
        Assert.Equal(expected, ExportFileName.For("cmp-1", name, "calls"));

    [Fact]
    public void A_long_name_is_cut_to_sixty_characters_without_a_trailing_dash() =>
        Assert.Equal(new string('a', 59) + "-cmp-1-calls.csv", ExportFileName.For("cmp-1", new string('a', 59) + " b", "calls"));
}
