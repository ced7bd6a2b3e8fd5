using System.Text;
using Campaign.Grains.Customers.Import;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.UnitTests;

/// <summary>A customer file must be UTF-8 (or carry a UTF-16 mark); other bytes are refused with their line, never replaced.</summary>
public class CsvEncodingTests
{
    /// <summary>Hands out one byte per read, so every multi-byte character straddles two reads.</summary>
    private sealed class OneByteAtATimeStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 1), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
    }

    [Fact]
    public async Task Multi_byte_characters_split_across_reads_are_read_whole()
    {
        var csv = "id,name,phone\nC-1,Zoë Ærøskøbing 山田 😀,+12125550147\n";

        var rows = await CsvCustomerReader.ReadAsync(new OneByteAtATimeStream(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal("Zoë Ærøskøbing 山田 😀", Assert.Single(rows).Input!.Name);
    }

    [Fact]
    public async Task A_windows_1252_byte_is_refused_with_its_line()
    {
        byte[] csv = [.. Encoding.UTF8.GetBytes("id,name,phone\nC-1,Ann,+12125550147\n\"C-2\",\"J"), 0xF6, .. Encoding.UTF8.GetBytes("rg\",+12125550148\n")];

        var error = await Assert.ThrowsAsync<ImportFormatException>(() => CsvCustomerReader.ReadAsync(new OneByteAtATimeStream(csv)));

        Assert.Equal(3, error.Line);
        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Fact]
    public async Task A_truncated_character_at_the_end_of_the_file_is_refused()
    {
        byte[] csv = [.. Encoding.UTF8.GetBytes("id,name,phone\nC-1,Ann,+12125550147\nC-2,Bo,+12125550148,"), 0xE5, 0xB1];

        var error = await Assert.ThrowsAsync<ImportFormatException>(() => CsvCustomerReader.ReadAsync(new MemoryStream(csv)));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public async Task A_utf16_file_with_its_byte_order_mark_is_still_read()
    {
        var csv = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id,name,phone\nC-1,Zoë,+12125550147\n")).ToArray();

        var rows = await CsvCustomerReader.ReadAsync(new MemoryStream(csv));

        Assert.Equal("Zoë", Assert.Single(rows).Input!.Name);
    }

    [Fact]
    public void An_issue_dated_beyond_a_day_ahead_is_refused_and_one_within_it_is_accepted()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var validator = new CustomerValidator(new PhoneNormalizer("US"), clock);
        CustomerInput Reported(string at) => new() { Id = "C-1", Name = "Ann", Phone = "+12125550147", Issues = { new IssueInput { Category = "water", ReportedAt = at } } };

        Assert.True(validator.TryValidate(Reported("2026-12-06T06:00:00Z"), out _, out _));
        Assert.False(validator.TryValidate(Reported("2026-12-07T00:00:00Z"), out _, out var error));
        Assert.Equal("issue 1 reportedAt '2026-12-07T00:00:00Z' is in the future", error);
    }
}
