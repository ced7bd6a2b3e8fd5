using System.Net.Sockets;
using System.Text;

namespace Campaign.Tests.Http;

/// <summary>
/// HTTP/1.1 uploads written by hand, for what a client library hides: a body that is promised but never sent, and an
/// answer that arrives while the body is still going out.
/// </summary>
internal static class PartialUpload
{
    public sealed record Answer(int Status, string ContentType, string Body);

    /// <summary>
    /// The headers promise <paramref name="contentLength"/> bytes but only <paramref name="bodyStart"/> is sent: an
    /// answer can then only come from a server that decided without reading the body.
    /// </summary>
    public static async Task<Answer> AnnouncedAsync(Uri server, string path, string apiKey, long contentLength, byte[] bodyStart, CancellationToken cancellationToken)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = socket.GetStream();
        await stream.WriteAsync(Head(server, path, apiKey, $"Content-Length: {contentLength}"), cancellationToken);
        await stream.WriteAsync(bodyStart, cancellationToken);
        return await ReadAnswerAsync(stream, cancellationToken);
    }

    /// <summary>Sends <paramref name="body"/> chunked (no length announced), stopping as soon as the server answers.</summary>
    public static async Task<Answer> ChunkedAsync(Uri server, string path, string apiKey, byte[] body, CancellationToken cancellationToken)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = socket.GetStream();
        await stream.WriteAsync(Head(server, path, apiKey, "Transfer-Encoding: chunked"), cancellationToken);
        var answer = ReadAnswerAsync(stream, cancellationToken);
        try
        {
            for (var at = 0; at < body.Length && !answer.IsCompleted; at += 64 * 1024)
            {
                var size = Math.Min(64 * 1024, body.Length - at);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:X}\r\n"), cancellationToken);
                await stream.WriteAsync(body.AsMemory(at, size), cancellationToken);
                await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
            }

            if (!answer.IsCompleted)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
            }
        }
        catch (IOException)
        {
            // The server answered and stopped reading; the answer is already on its way.
        }

        return await answer;
    }

    private static byte[] Head(Uri server, string path, string apiKey, string framing) =>
        Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nX-Api-Key: {apiKey}\r\nContent-Type: text/csv\r\n{framing}\r\n\r\n");

    private static async Task<Answer> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOf(received, "\r\n\r\n"u8)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            Assert.True(read > 0, "the connection closed before an answer");
            received.AddRange(buffer.AsSpan(0, read));
        }

        var headLines = Encoding.ASCII.GetString([.. received[..headEnd]]).Split("\r\n");
        var headers = headLines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = received[(headEnd + 4)..];
        async Task FillAsync(int count)
        {
            while (body.Count < count)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                Assert.True(read > 0, "the connection closed in the middle of the answer");
                body.AddRange(buffer.AsSpan(0, read));
            }
        }

        byte[] content;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            await FillAsync(int.Parse(length, System.Globalization.CultureInfo.InvariantCulture));
            content = [.. body[..int.Parse(length, System.Globalization.CultureInfo.InvariantCulture)]];
        }
        else
        {
            // Chunked: read until the last chunk, then take the chunks' data.
            while (IndexOf(body, "0\r\n\r\n"u8) < 0)
            {
                await FillAsync(body.Count + 1);
            }

            content = Dechunk([.. body]);
        }

        var status = int.Parse(headLines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return new Answer(status, headers.GetValueOrDefault("Content-Type", ""), Encoding.UTF8.GetString(content));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var data = new List<byte>();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8) + at;
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, lineEnd - at).Split(';')[0], 16);
            if (size == 0)
            {
                return [.. data];
            }

            data.AddRange(chunked.AsSpan(lineEnd + 2, size));
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int IndexOf(List<byte> bytes, ReadOnlySpan<byte> value) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes).IndexOf(value);
}
