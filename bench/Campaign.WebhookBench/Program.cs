using System.Collections.Concurrent;
using System.Globalization;
using Campaign.WebhookBench;

// A caller's turn seen from Twilio: dotnet run -c Release --project bench/Campaign.WebhookBench -- [concurrent calls=50,500] [calls per line=2] [mean think ms=3000]
var levels = (args.Length > 0 ? args[0] : "50,500").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var callsPerLine = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var think = TimeSpan.FromMilliseconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 3000);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 2000, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(60) };
Console.WriteLine($"Twilio-shaped webhook load, {Environment.ProcessorCount} cores, {callsPerLine} calls per line, mean think {think.TotalMilliseconds} ms");

await using var bare = new BareEndpoint();
await bare.StartAsync(HostUnderTest.FreePort());

var plays = new ConcurrentBag<Task>();
var hostLog = new LatencyLog();
var hostCallee = new Callee(http, FakeTwilioApi.AuthToken, hostLog, think);
var placed = 0;
await using var twilio = new FakeTwilioApi
{
    Created = call => plays.Add(Task.Run(() => hostCallee.PlayAsync(call with { Lines = CallerScript.For(Interlocked.Increment(ref placed)) }))),
};
await twilio.StartAsync();
await using var host = new HostUnderTest();
// Arguments after the first three are host settings, e.g. --Conversation:Understanding:Semantic false.
await host.StartAsync(twilio.BaseUrl, levels.Max(), args.Skip(3).ToArray());

// Warm-up on both: JIT, connections, the conversation engine's caches.
await RunBareAsync(new LatencyLog(), 20, 1, TimeSpan.FromMilliseconds(50));
await RunHostAsync(20, 1);
hostLog = new LatencyLog();
hostCallee = new Callee(http, FakeTwilioApi.AuthToken, hostLog, think);

foreach (var concurrency in levels)
{
    var bareLog = new LatencyLog();
    await RunBareAsync(bareLog, concurrency, callsPerLine, think);
    hostLog = new LatencyLog();
    hostCallee = new Callee(http, FakeTwilioApi.AuthToken, hostLog, think);
    var elapsed = await RunHostAsync(concurrency, callsPerLine);
    var (b, h) = (bareLog.Of("turn"), hostLog.Of("turn"));
    Console.WriteLine($"{concurrency} concurrent calls ({elapsed.TotalSeconds:F0} s on the host):");
    Console.WriteLine($"  bare Kestrel  {b}  errors {bareLog.Errors}");
    Console.WriteLine($"  host          {h}  errors {hostLog.Errors}");
    Console.WriteLine($"  host status   {hostLog.Of("status")}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  turn p99 ratio host/bare: {h.P99 / b.P99:F2}   p50 ratio: {h.P50 / b.P50:F2}"));
}

async Task RunBareAsync(LatencyLog log, int concurrency, int calls, TimeSpan meanThink)
{
    var callee = new Callee(http, FakeTwilioApi.AuthToken, log, meanThink);
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(line => Task.Run(async () =>
    {
        for (var i = 0; i < calls; i++)
        {
            var callId = $"bare-{line}-{i}";
            var url = $"{bare.BaseUrl}/telephony/twilio";
            await callee.PlayAsync(new Callee.Call("CA" + Guid.NewGuid().ToString("N"), "+12125550123", "+12125550000", $"{url}/voice?callId={callId}", $"{url}/status?callId={callId}", CallerScript.For(line + i)));
        }
    })));
}

async Task<TimeSpan> RunHostAsync(int concurrency, int calls)
{
    var started = DateTime.UtcNow;
    plays.Clear();
    var before = twilio.Count;
    var total = concurrency * calls;
    for (var left = concurrency; left > 0; left -= 50)
    {
        var quota = Math.Min(50, left);
        await host.StartCampaignAsync(quota * calls, quota);
    }

    var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
    while (twilio.Count - before < total && DateTime.UtcNow < deadline)
    {
        await Task.Delay(200);
    }

    // Every placed call has been played to its end (the last ones were created just above).
    while (plays.Any(p => !p.IsCompleted) && DateTime.UtcNow < deadline)
    {
        await Task.WhenAll(plays.ToArray());
    }

    if (twilio.Count - before < total)
    {
        Console.WriteLine($"  only {twilio.Count - before} of {total} calls were placed in time");
    }

    return DateTime.UtcNow - started;
}
