using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Campaign.Tests.Support;

/// <summary>The built host running as a real child process, so a test can kill it the hard way.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "process-test-key-0123456789";
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address, int siloPort)
    {
        _process = process;
        Address = address;
        SiloPort = siloPort;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>The Orleans silo port, which appears in the silo's address (<c>S127.0.0.1:port:generation</c>).</summary>
    public int SiloPort { get; }

    public bool HasExited => _process.HasExited;

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the host on free loopback ports. A port found free can be taken by another process before the host binds
    /// it (an outgoing connection's ephemeral port, say); such a start is tried again on other ports.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string databasePath, params string[] extraArgs)
    {
        for (var attempt = 1; ; attempt++)
        {
            var host = Launch(databasePath, extraArgs);
            try
            {
                await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
                return host;
            }
            catch (InvalidOperationException) when (attempt < 3 && host.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await host.DisposeAsync();
            }
        }
    }

    private static HostProcess Launch(string databasePath, string[] extraArgs)
    {
        var port = FreePort.Next();
        var siloPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
        };
        foreach (var arg in new[]
        {
            RepositoryPaths.HostAssembly,
            "--urls", $"http://127.0.0.1:{port}",
            "--Storage:Sqlite:Path", databasePath,
            "--Orleans:SiloPort", siloPort.ToString(),
            "--Orleans:GatewayPort", FreePort.Next().ToString(),
            "--Auth:ApiKey", ApiKey,
        }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }

        return new HostProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"), siloPort);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public static StringContent Csv(string csv) => new(csv, new MediaTypeHeaderValue("text/csv"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The host did not become healthy within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
