using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Campaign.ImportMemoryBench;

/// <summary>
/// Sends a file larger than the upload limit over a raw socket, either announced by Content-Length or chunked, and
/// stops sending as soon as the host answers (a client library would keep sending, or fail, before showing it).
/// </summary>
internal static class OverLimitUpload
{
    public sealed record Outcome(int Status, TimeSpan Answered, long BytesSent);

    public static async Task<Outcome> SendAsync(int port, string path, bool chunked)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", port);
        var network = socket.GetStream();
        var length = new FileInfo(path).Length;
        var head = new StringBuilder()
            .Append("POST /api/customers/import HTTP/1.1\r\n")
            .Append("Host: 127.0.0.1:").Append(port).Append("\r\n")
            .Append("X-Api-Key: ").Append(HostProcess.ApiKey).Append("\r\n")
            .Append("Content-Type: text/csv\r\n")
            .Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {length}\r\n")
            .Append("Connection: close\r\n\r\n");
        var clock = Stopwatch.StartNew();
        await network.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));

        using var answered = new CancellationTokenSource();
        var reading = ReadStatusAsync(network, clock, answered);
        long sent = 0;
        try
        {
            await using var file = File.OpenRead(path);
            var buffer = new byte[64 * 1024];
            int read;
            while (!answered.IsCancellationRequested && (read = await file.ReadAsync(buffer)) > 0)
            {
                if (chunked)
                {
                    await network.WriteAsync(Encoding.ASCII.GetBytes($"{read:X}\r\n"), answered.Token);
                }

                await network.WriteAsync(buffer.AsMemory(0, read), answered.Token);
                if (chunked)
                {
                    await network.WriteAsync("\r\n"u8.ToArray(), answered.Token);
                }

                sent += read;
            }

            if (chunked && !answered.IsCancellationRequested)
            {
                await network.WriteAsync("0\r\n\r\n"u8.ToArray(), answered.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The host answered and closed the connection while the file was still being sent.
        }

        var (status, at) = await reading;
        return new Outcome(status, at, sent);
    }

    private static async Task<(int Status, TimeSpan At)> ReadStatusAsync(NetworkStream network, Stopwatch clock, CancellationTokenSource answered)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        try
        {
            int read;
            while ((read = await network.ReadAsync(buffer)) > 0)
            {
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (text.ToString().IndexOf("\r\n", StringComparison.Ordinal) is var end and > 0)
                {
                    var at = clock.Elapsed;
                    await answered.CancelAsync();
                    return (int.Parse(text.ToString(0, end).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), at);
                }
            }
        }
        catch (IOException)
        {
        }

        await answered.CancelAsync();
        return (0, clock.Elapsed);
    }
}
