using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Campaign.EngineBench;

/// <summary>
/// Azurite (from tools/azurite) and K processes of the built host joined into one cluster on it, as
/// tools/local-cluster.sh runs them; each silo gets its own HTTP, silo and gateway ports.
/// </summary>
public sealed class HostCluster : IAsyncDisposable
{
    public const string ApiKey = "cluster-bench-key-0123456789";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly List<Process> _processes = [];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "campaign-cluster-bench", Guid.NewGuid().ToString("N"));

    public List<HttpClient> Silos { get; } = [];

    public List<int> SiloPorts { get; } = [];

    /// <summary>CPU time the silo processes have used so far.</summary>
    public TimeSpan SiloCpu => TimeSpan.FromTicks(_processes.Skip(1).Sum(p => p.HasExited ? 0 : p.TotalProcessorTime.Ticks));

    public static async Task<HostCluster> StartAsync(int silos, IReadOnlyDictionary<string, string?> settings)
    {
        var cluster = new HostCluster();
        try
        {
            Directory.CreateDirectory(cluster._directory);
            var root = RepositoryRoot();
            int blob = FreePort(), queue = FreePort(), table = FreePort();
            cluster.Start(Path.Combine(root, "tools", "azurite", "node_modules", ".bin", "azurite"),
                "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{table}");
            await WaitForPortAsync(table);
            var connectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
                $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
                $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";

            var host = Path.Combine(root, "src", "Campaign.Host", "bin", "Release", "net10.0", "Campaign.Host.dll");
            if (!File.Exists(host))
            {
                throw new FileNotFoundException("Build the host first: dotnet build -c Release src/Campaign.Host", host);
            }

            for (var i = 0; i < silos; i++)
            {
                int http = FreePort(), silo = FreePort();
                var args = new List<string>
                {
                    host, "--urls", $"http://127.0.0.1:{http}",
                    "--Storage:Provider", "AzureStorage", "--Storage:AzureStorage:ConnectionString", connectionString,
                    "--Storage:Sqlite:Path", Path.Combine(cluster._directory, "campaign.db"),
                    "--Orleans:SiloPort", $"{silo}", "--Orleans:GatewayPort", $"{FreePort()}", "--Orleans:ClusterId", "bench",
                    "--Auth:ApiKey", ApiKey, "--Auth:Admin:Password", "cluster bench", "--Demo:Seed", "false",
                    "--Logging:LogLevel:Default", "Warning",
                };
                args.AddRange(settings.SelectMany(s => new[] { $"--{s.Key}", s.Value ?? "" }));
                cluster.Start("dotnet", [.. args]);
                var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}"), Timeout = TimeSpan.FromMinutes(2) };
                client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
                cluster.Silos.Add(client);
                cluster.SiloPorts.Add(silo);
                await WaitForHealthAsync(client);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Silos)
        {
            client.Dispose();
        }

        foreach (var process in Enumerable.Reverse(_processes))
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Start(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"  [{Path.GetFileName(file)} {process.Id}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static async Task WaitForHealthAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The silo at {client.BaseAddress} did not become healthy.");
            }

            await Task.Delay(200);
        }
    }

    private static async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Campaign.Orleans.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Campaign.Orleans.sln not found above " + AppContext.BaseDirectory);
    }
}
