using System.Text;
using Campaign.Grains.Customers.Import;

namespace Campaign.UnitTests;

/// <summary>A JSON customer array is read element by element as it arrives, with errors still named by line.</summary>
public class JsonStreamingReadTests
{
    /// <summary>Hands out at most a few bytes per read, so elements and tokens straddle reads.</summary>
    private sealed class TrickleStream(byte[] bytes, int perRead) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, perRead)], cancellationToken);
    }

    private static string Customers(int count) =>
        "[\n" + string.Join(",\n", Enumerable.Range(1, count).Select(i =>
            $$"""  { "id": "J-{{i}}", "name": "Zoë {{i}} 山田", "phone": "+1212555{{i % 10000:D4}}", "tags": ["a", "b"], "attributes": { "plan": "basic" } }""")) + "\n]\n";

    [Theory]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public async Task Every_customer_is_read_in_order_however_the_bytes_arrive(int perRead)
    {
        var rows = await JsonCustomerReader.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(Customers(3000)), perRead));

        Assert.Equal(3000, rows.Count);
        Assert.Equal(Enumerable.Range(1, 3000), rows.Select(r => r.Line));
        Assert.Equal("Zoë 2999 山田", rows[2998].Input!.Name);
        Assert.Equal("basic", rows[^1].Input!.Attributes["plan"]);
    }

    [Fact]
    public async Task A_syntax_error_far_down_names_its_line()
    {
        var json = Customers(2000).Replace("\"id\": \"J-1500\",", "\"id\": \"J-1500\" \"oops\",");

        var error = await Assert.ThrowsAsync<ImportFormatException>(() => JsonCustomerReader.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), 1000)));

        Assert.Equal(1501, error.Line);
        Assert.Contains("not valid JSON at line 1501", error.Message);
    }

    [Fact]
    public async Task A_byte_order_mark_is_fine_and_content_after_the_array_is_not()
    {
        var rows = await JsonCustomerReader.ReadAsync(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Customers(2))]));
        Assert.Equal(2, rows.Count);

        var error = await Assert.ThrowsAsync<ImportFormatException>(() => JsonCustomerReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Customers(2) + "\n[]"))));
        Assert.Equal(6, error.Line);
    }

    [Fact]
    public async Task A_customer_larger_than_a_megabyte_is_refused()
    {
        var json = $$"""[ { "id": "J-1", "name": "Ann", "phone": "+12125550100" }, { "id": "J-2", "name": "{{new string('x', 1_100_000)}}" } ]""";

        var error = await Assert.ThrowsAsync<ImportFormatException>(() => JsonCustomerReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("customer 2 is larger than 1 MB", error.Message);
    }
}
