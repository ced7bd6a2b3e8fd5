using System.Text;

namespace Campaign.Grains.Customers.Import;

/// <summary>
/// Passes a file through unchanged while checking that it is UTF-8, and stops at the first byte that is not,
/// naming its line; without it the reader would quietly turn such bytes into U+FFFD. A file that starts with a
/// UTF-16 or UTF-32 byte order mark is passed through unchecked: the reader decodes it by that mark.
/// </summary>
internal sealed class Utf8CheckingStream(Stream inner) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private char[] _scratch = [];
    private int _line = 1;
    private bool _started;
    private bool _unchecked;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Check(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Check(buffer.Span[..read]);
        return read;
    }

    private void Check(ReadOnlySpan<byte> bytes)
    {
        if (!_started && bytes.Length > 0)
        {
            _started = true;
            _unchecked = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes.Length >= 4 && bytes[..4].SequenceEqual<byte>([0, 0, 0xFE, 0xFF])));
        }

        if (_unchecked)
        {
            return;
        }

        if (_scratch.Length < bytes.Length + 4)
        {
            _scratch = new char[bytes.Length + 4];
        }

        try
        {
            _decoder.GetChars(bytes, _scratch, flush: bytes.Length == 0);
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = _line + bytes[..at].Count((byte)'\n');
            throw new ImportFormatException(
                $"line {line} is not valid UTF-8 (byte 0x{ex.BytesUnknown?.FirstOrDefault():X2}); save the file as UTF-8 (\"CSV UTF-8\" in spreadsheet programs) and import it again",
                "file",
                line);
        }

        _line += bytes.Count((byte)'\n');
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
