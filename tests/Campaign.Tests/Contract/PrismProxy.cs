using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Campaign.Tests.Support;

namespace Campaign.Tests.Contract;

/// <summary>
/// Prism's validating proxy in front of the host (<c>prism proxy DOCUMENT HOST --errors</c>): it passes each request on
/// and answers with its own problem (422 for a request, 500 for an answer) when either breaks the document.
/// </summary>
internal sealed class PrismProxy : IAsyncDisposable
{
    public const string ErrorTypePrefix = "https://stoplight.io/prism/errors#";
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PrismProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<PrismProxy> StartAsync(string documentPath, Uri upstream)
    {
        var port = FreePort.Next();
        var start = NodeTool.Prism.StartInfo(
            "proxy", documentPath, upstream.ToString().TrimEnd('/'), "--errors", "--host", "127.0.0.1", "--port", port.ToString());
        var proxy = new PrismProxy(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await proxy.WaitUntilListeningAsync(port);
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }

        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prism exited with code {_process.ExitCode}: {Log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
