using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.ImportMemoryBench;

internal sealed record Measured(string Name, long FileBytes, long Idle, long Peak, long After, TimeSpan Elapsed, int Rows, string Answer)
{
    public long Increase => Peak - Idle;

    public long IdlePrivate { get; init; }

    public long PeakPrivate { get; init; }

    public long PrivateIncrease => PeakPrivate - IdlePrivate;
}

/// <summary>One measurement in a fresh host: the idle working set, then the peak while one upload is handled.</summary>
internal static class Scenario
{
    public static async Task<Measured> ImportAsync(string hostDll, string name, string path, int rows)
    {
        await using var host = await StartWarmAsync(hostDll);
        var idle = await SettledAsync(host);
        var idlePrivate = WorkingSetSampler.Private(host.ProcessId);
        await using var sampler = new WorkingSetSampler(host.ProcessId);
        var clock = Stopwatch.StartNew();
        await using var file = File.OpenRead(path);
        using var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await host.Client.PostAsync("/api/customers/import", content);
        var elapsed = clock.Elapsed;
        var answer = await Describe(response);
        var after = await SettledAsync(host);
        return new Measured(name, new FileInfo(path).Length, idle, sampler.Peak, after, elapsed, rows, answer) { IdlePrivate = idlePrivate, PeakPrivate = sampler.PeakPrivate };
    }

    public static async Task<Measured> OverLimitAsync(string hostDll, string name, string path, bool chunked)
    {
        await using var host = await StartWarmAsync(hostDll);
        var idle = await SettledAsync(host);
        var idlePrivate = WorkingSetSampler.Private(host.ProcessId);
        await using var sampler = new WorkingSetSampler(host.ProcessId);
        var outcome = await OverLimitUpload.SendAsync(host.Port, path, chunked);
        var after = await SettledAsync(host);
        var answer = $"{outcome.Status} after {outcome.BytesSent / 1_000_000.0:0.0} MB sent";
        return new Measured(name, new FileInfo(path).Length, idle, sampler.Peak, after, outcome.Answered, 0, answer) { IdlePrivate = idlePrivate, PeakPrivate = sampler.PeakPrivate };
    }

    private static async Task<HostProcess> StartWarmAsync(string hostDll)
    {
        var host = await HostProcess.StartAsync(hostDll);
        // One small import first, so the peak measures the file and not loading the import code path.
        using var warm = new StringContent("id,name,phone\nW-1,Warm Up,+12125550100\n", System.Text.Encoding.UTF8, "text/csv");
        using var response = await host.Client.PostAsync("/api/customers/import", warm);
        response.EnsureSuccessStatusCode();
        return host;
    }

    /// <summary>The working set once it has stopped moving by more than 2 MB over a second (at most 10 s).</summary>
    private static async Task<long> SettledAsync(HostProcess host)
    {
        using var process = Process.GetProcessById(host.ProcessId);
        long previous = -1;
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(500);
            process.Refresh();
            var now = process.WorkingSet64;
            if (previous >= 0 && Math.Abs(now - previous) < 2_000_000)
            {
                return now;
            }

            previous = now;
        }

        return previous;
    }

    private static async Task<string> Describe(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return $"200 imported {body.GetProperty("imported").GetInt32()}, rejected {body.GetProperty("rejectedTotal").GetInt32()}";
    }
}
