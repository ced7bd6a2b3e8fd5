using System.Net.Sockets;
using System.Text;

namespace Campaign.Tests.Support;

/// <summary>
/// A POST written straight to a socket, as a client that keeps sending whatever the server says: the answer is read
/// while the body is still going out, so a server that refuses early (and stops reading) is seen answering.
/// </summary>
public static class RawHttpPost
{
    public sealed record Answer(int Status, string Body);

    public static async Task<Answer> SendAsync(Uri url, string contentType, IReadOnlyDictionary<string, string> headers, byte[] body, bool chunked)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(url.Host, url.Port);
        var stream = client.GetStream();
        var head = new StringBuilder()
            .Append($"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: {contentType}\r\nConnection: close\r\n")
            .Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        var sending = SendBodyAsync(stream, body, chunked);
        var answer = await ReadAnswerAsync(stream);
        client.Client.Shutdown(SocketShutdown.Both);
        await sending;
        return answer;
    }

    private static async Task SendBodyAsync(NetworkStream stream, byte[] body, bool chunked)
    {
        try
        {
            for (var offset = 0; offset < body.Length; offset += 16 * 1024)
            {
                var part = body.AsMemory(offset, Math.Min(16 * 1024, body.Length - offset));
                if (chunked)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{part.Length:x}\r\n"));
                }

                await stream.WriteAsync(part);
                if (chunked)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray());
                }
            }

            if (chunked)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The server stopped reading: what matters is its answer.
        }
    }

    private static async Task<Answer> ReadAnswerAsync(NetworkStream stream)
    {
        using var received = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30))) > 0)
        {
            received.Write(buffer, 0, read);
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var bodyStart = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return new Answer(status, bodyStart < 0 ? "" : text[(bodyStart + 4)..]);
    }
}
