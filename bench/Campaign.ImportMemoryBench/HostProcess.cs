using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Campaign.ImportMemoryBench;

/// <summary>The built host (Release) as a child process on a loopback port, with its own temporary SQLite file.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "import-memory-bench-key-0123456789";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "campaign-import-bench", Guid.NewGuid().ToString("N"));
    private Process? _process;

    private HostProcess(int port)
    {
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(15) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public int ProcessId => _process!.Id;

    public static async Task<HostProcess> StartAsync(string hostDll)
    {
        var host = new HostProcess(FreePort());
        try
        {
            Directory.CreateDirectory(host._directory);
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = host._directory,
            };
            foreach (var arg in new[]
            {
                hostDll, "--urls", $"http://127.0.0.1:{host.Port}",
                "--Storage:Sqlite:Path", Path.Combine(host._directory, "campaign.db"),
                "--Orleans:SiloPort", $"{FreePort()}", "--Orleans:GatewayPort", $"{FreePort()}",
                "--Auth:ApiKey", ApiKey, "--Auth:Admin:Password", "import memory bench", "--Demo:Seed", "false",
                "--Logging:LogLevel:Default", "Warning",
            })
            {
                start.ArgumentList.Add(arg);
            }

            host._process = Process.Start(start)!;
            host._process.OutputDataReceived += (_, _) => { };
            host._process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { Length: > 0 } line)
                {
                    Console.Error.WriteLine($"  [host] {line}");
                }
            };
            host._process.BeginOutputReadLine();
            host._process.BeginErrorReadLine();
            await host.WaitForHealthAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitForHealthAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                if ((await Client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process!.HasExited)
            {
            }

            if (DateTime.UtcNow > deadline || _process!.HasExited)
            {
                throw new TimeoutException("The host did not become healthy.");
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
