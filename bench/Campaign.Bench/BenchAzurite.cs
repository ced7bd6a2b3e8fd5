using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Campaign.Bench;

/// <summary>
/// Azurite from the repository's <c>tools/azurite</c> (run <c>npm ci</c> there first), table service only, in memory,
/// on a free loopback port; stopped on dispose.
/// </summary>
internal sealed class BenchAzurite : IDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;

    private BenchAzurite(Process process, int port)
    {
        _process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<BenchAzurite> StartAsync()
    {
        var executable = Path.Combine(RepositoryRoot(), "tools", "azurite", "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed: run `npm ci` in tools/azurite. Looked for {executable}.");
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in new[] { "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var azurite = new BenchAzurite(Process.Start(start)!, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return azurite;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !azurite._process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Resident memory of the Azurite process, in MB.</summary>
    public long WorkingSetMegabytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64 / (1024 * 1024);
        }
    }

    /// <summary>Processor time the Azurite process has used.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
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
