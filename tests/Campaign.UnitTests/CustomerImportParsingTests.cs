using System.Text;
using Campaign.Grains.Customers.Import;

namespace Campaign.UnitTests;

public class CustomerImportParsingTests
{
    private static Stream Text(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static readonly CustomerValidator Validator = new(new PhoneNormalizer("US"));

    [Fact]
    public async Task Reads_a_hand_written_csv_with_issue_tag_and_attribute_columns()
    {
        var rows = await CsvCustomerReader.ReadAsync(Text("""
            id,name,phone,area,timeZone,tags,attr.plan,issue.category,issue.reportedAt,issue.text,issue2.category,issue2.text
            C-1,Ana Silva,(212) 555-0147,Riverside,America/New_York,vip;senior,basic,electricity,2026-10-02T09:30:00Z,power cuts at night,billing,charged twice
            """));

        var row = Assert.Single(rows);
        Assert.Equal(2, row.Line);
        Assert.True(Validator.TryValidate(row.Input!, out var profile, out var error), error);
        Assert.Equal("+12125550147", profile!.Phone);
        Assert.Equal(["vip", "senior"], profile.Tags);
        Assert.Equal("basic", profile.Attributes["plan"]);
        Assert.Equal(2, profile.Issues.Count);
        var electricity = profile.Issues.Single(i => i.Category == "electricity");
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 9, 30, 0, TimeSpan.Zero), electricity.ReportedAt);
        Assert.Equal("power cuts at night", electricity.Text);
    }

    [Fact]
    public async Task Reads_semicolon_separated_files_and_headers_in_any_case()
    {
        var rows = await CsvCustomerReader.ReadAsync(Text("ID;Name;Phone Number;Time_Zone\nC-9;Bo;+351912345678;Europe/Lisbon\n"));
        Assert.True(Validator.TryValidate(Assert.Single(rows).Input!, out var profile, out _));
        Assert.Equal("+351912345678", profile!.Phone);
        Assert.Equal("Europe/Lisbon", profile.TimeZone);
    }

    [Theory]
    [InlineData("", "file")]
    [InlineData("id,name,phnoe\nC-1,A,2125550147\n", "phnoe")]
    [InlineData("id,name,area\nC-1,A,X\n", "phone")]
    [InlineData("id,name,phone\n", "file")]
    [InlineData("id,name,phone,name\nC-1,A,1,B\n", "name")]
    public async Task Rejects_files_that_cannot_be_imported_as_a_whole(string csv, string field)
    {
        var error = await Assert.ThrowsAsync<ImportFormatException>(() => CsvCustomerReader.ReadAsync(Text(csv)));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task Bad_rows_are_rejected_by_line_and_good_rows_kept()
    {
        var rows = await CsvCustomerReader.ReadAsync(Text("""
            id,name,phone,timeZone,language,issue.category,issue.reportedAt
            C-1,Good One,212-555-0147,America/New_York,en-US,water,2026-01-01
            C-2,Bad Phone,12345,,,,
            C-3,Bad Zone,212-555-0148,Mars/Olympus,,,
            C-4,Bad Date,212-555-0149,,,water,yesterday-ish
            ,No Id,212-555-0150,,,,
            C-6,Bad Language,212-555-0151,,english please,,
            C-7,Missing Category,212-555-0152,,,,2026-01-01
            """));

        var results = rows.Select(r => (r.Line, Ok: Validator.TryValidate(r.Input!, out _, out var error), error)).ToList();
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], results.Select(r => r.Line));
        Assert.True(results[0].Ok);
        Assert.All(results.Skip(1), r => Assert.False(r.Ok));
        Assert.Contains("phone", results[1].error);
        Assert.Contains("Mars/Olympus", results[2].error);
        Assert.Contains("yesterday-ish", results[3].error);
        Assert.Contains("id is missing", results[4].error);
        Assert.Contains("language", results[5].error);
        Assert.Contains("no category", results[6].error);
    }

    [Fact]
    public async Task A_stray_quote_rejects_only_its_row()
    {
        var rows = await CsvCustomerReader.ReadAsync(Text("id,name,phone\nC-1,Ok,2125550147\nC-2,Bro\"ken \"quote\"x,2125550148\nC-3,Fine,2125550149\n"));
        Assert.Contains(rows, r => r.Line == 2 && r.Input is not null);
        Assert.Contains(rows, r => r.Line == 4 && r.Input is not null);
    }

    [Fact]
    public async Task Json_array_rows_are_read_with_their_position()
    {
        var rows = await JsonCustomerReader.ReadAsync(Text("""
            [ { "id": "C-1", "name": "Ana", "phone": "+351912345678", "tags": ["vip"], "attributes": { "plan": "basic", "floors": 2 },
                "issues": [ { "category": "Electricity", "reportedAt": "2026-10-02T09:30:00Z", "text": "power cuts" } ] },
              { "id": "C-2", "name": "Ben", "phnoe": "+351912345679" },
              42 ]
            """));

        Assert.Equal(3, rows.Count);
        Assert.True(Validator.TryValidate(rows[0].Input!, out var profile, out _));
        Assert.Equal("electricity", profile!.Issues[0].Category);
        Assert.Equal("2", profile.Attributes["floors"]);
        Assert.Equal((2, "unknown field 'phnoe'"), (rows[1].Line, rows[1].Error));
        Assert.Equal(3, rows[2].Line);
        Assert.NotNull(rows[2].Error);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("[ { \"id\": \"C-1\", ", "not valid JSON")]
    [InlineData("{ \"id\": \"C-1\" }", "expected a JSON array")]
    [InlineData("[]", "no customers")]
    public async Task Malformed_json_is_refused_as_a_whole(string json, string message)
    {
        var error = await Assert.ThrowsAsync<ImportFormatException>(() => JsonCustomerReader.ReadAsync(Text(json)));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("+1 (212) 555-0147", "+12125550147")]
    [InlineData("212.555.0147", "+12125550147")]
    [InlineData("00351 912 345 678", "+351912345678")]
    public void Phones_are_normalised_to_e164(string raw, string expected)
    {
        Assert.True(new PhoneNormalizer("US").TryNormalize(raw, out var e164, out _));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("call me")]
    [InlineData("+1 212 555 01")]
    public void Invalid_phones_are_refused(string raw)
    {
        Assert.False(new PhoneNormalizer("US").TryNormalize(raw, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void The_default_region_applies_to_numbers_without_a_country_code()
    {
        Assert.True(new PhoneNormalizer("PT").TryNormalize("912 345 678", out var e164, out _));
        Assert.Equal("+351912345678", e164);
    }
}
