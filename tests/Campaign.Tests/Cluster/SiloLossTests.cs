using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;
using Xunit.Abstractions;

namespace Campaign.Tests.Cluster;

/// <summary>
/// Three host processes form one cluster on Azurite and run one campaign; one of them is killed with SIGKILL while it
/// hosts live calls. The survivors finish the campaign within the trunk's capacity, with every customer's work ending
/// exactly once and the calls lost with the silo ended as interrupted and retried by the retry policy.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiloLossTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private const int Customers = 120;
    private const int Quota = 30;
    private const int TrunkCapacity = Quota;
    private const int MaxAttempts = 2;
    private readonly TempDatabase _file = new();

    private static readonly string[] Settings =
    [
        "--Demo:Seed", "false",
        "--Trunk:Capacity", TrunkCapacity.ToString(),
        "--Trunk:CallsPerSecond", "100",
        "--Telephony:Simulator:TimeScale", "20",
        "--Telephony:Simulator:CallbackShare", "0",

        // Answered calls cut by the kill were never heard, so they count as abandoned; this is about recovery, so
        // the abandoned-call limit must not pause the campaign (see AbandonedCallTests for that).
        "--Compliance:MaxAbandonRate", "1",
        "--Orleans:MinimumReminderPeriod", "00:00:02",
        "--Campaigns:KeepAlivePeriod", "00:00:02",
        "--Campaigns:DispatchInterval", "00:00:00.100",
        "--Calls:WatchdogPeriod", "00:00:02",
        // Declare a dead silo within seconds rather than the production default of about half a minute.
        "--Orleans:Membership:ProbeTimeout", "00:00:01",
        "--Orleans:Membership:NumMissedProbesLimit", "2",
        "--Orleans:Membership:NumVotesForDeathDeclaration", "2",
        "--Orleans:Membership:TableRefreshTimeout", "00:00:02",
    ];

    [Fact]
    public async Task Killing_a_silo_with_live_calls_mid_campaign_loses_nothing_repeats_nothing_and_never_exceeds_the_trunk()
    {
        var prefix = AzureHostArgs.NewPrefix();
        var args = Settings.Concat(AzureHostArgs.For(azurite.ConnectionString, prefix)).ToArray();
        var hosts = new List<HostProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                hosts.Add(await HostProcess.StartAsync(_file.Path, args));
            }

            await WaitForAsync(hosts[0].Client, "/api/system", s => ActiveSilos(s) == 3, TimeSpan.FromSeconds(60));

            var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,consent.kind,consent.at\n");
            for (var i = 0; i < Customers; i++)
            {
                csv.Append($"K-{i:D3},Customer {i},{TestCustomers.Phone(800_000 + i)},Clustertown,{TestZones.Afternoon},electricity,express,2020-01-01\n");
            }

            (await hosts[0].Client.PostAsync("/api/customers/import", HostProcess.Csv(csv.ToString()))).EnsureSuccessStatusCode();
            var created = await hosts[1].Client.PostAsync("/api/campaigns", new StringContent($$"""
                { "name": "Silo loss", "criteria": { "area": ["Clustertown"] }, "maxConcurrentCalls": {{Quota}},
                  "retryPolicy": { "maxAttempts": {{MaxAttempts}}, "delays": { "noAnswer": "PT1S", "busy": "PT1S", "failed": "PT1S", "voicemail": "PT1S" } } }
                """, Encoding.UTF8, "application/json"));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            (await hosts[2].Client.PostAsync($"/api/campaigns/{id}/start", null)).EnsureSuccessStatusCode();

            await WaitForAsync(hosts[0].Client, $"/api/campaigns/{id}/stats",
                s => s.GetProperty("finished").GetInt32() >= 15 && s.GetProperty("inFlight").GetInt32() >= 20, TimeSpan.FromSeconds(90));

            // The silo hosting the most call grains right now is the one to lose.
            var system = await hosts[0].Client.GetFromJsonAsync<JsonElement>("/api/system");
            var victim = hosts.MaxBy(h => CallGrainsOn(system, h.SiloPort))!;
            var callsOnVictim = CallGrainsOn(system, victim.SiloPort);
            Assert.True(callsOnVictim > 0, $"no silo hosts a call grain: {system}");
            var killedAt = DateTimeOffset.UtcNow;
            await victim.KillAsync();
            var survivors = hosts.Where(h => h != victim).ToList();
            output.WriteLine($"killed silo port {victim.SiloPort} with {callsOnVictim} call grains at {DateTime.UtcNow:HH:mm:ss}");

            var started = DateTime.UtcNow;
            var stats = await WaitForAsync(survivors[0].Client, $"/api/campaigns/{id}/stats",
                s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromMinutes(4));
            output.WriteLine($"completed {(DateTime.UtcNow - started).TotalSeconds:F0} s after the kill: {stats}");

            // Every customer's work item ended exactly once.
            Assert.Equal(Customers, stats.GetProperty("finished").GetInt32());
            Assert.Equal(0, stats.GetProperty("inFlight").GetInt32());
            Assert.InRange(stats.GetProperty("peakInFlight").GetInt32(), 1, Quota);

            // Call records are unique, counted once in the statistics, once in each customer's history.
            var calls = (await survivors[1].Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=1000"))
                .GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(calls.Count, calls.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
            Assert.Equal(calls.Count, stats.GetProperty("results").EnumerateObject().Sum(r => r.Value.GetInt32()));
            Assert.Equal(Customers, calls.Select(c => c.GetProperty("customerId").GetString()).Distinct().Count());
            foreach (var customer in calls.GroupBy(c => c.GetProperty("customerId").GetString()!))
            {
                var attempts = customer.Select(c => c.GetProperty("attempt").GetInt32()).Order().ToList();
                Assert.Equal(Enumerable.Range(1, attempts.Count), attempts);
                Assert.InRange(attempts.Count, 1, MaxAttempts);
                var profile = await survivors[customer.Key.GetHashCode() & 1].Client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer.Key}");
                Assert.Equal(attempts.Count, profile.GetProperty("contactHistory").EnumerateArray().Count(h => h.GetProperty("campaignId").GetString() == id));
            }

            // Calls lost with the silo ended as interrupted; a failed one left attempts is tried again.
            var interrupted = calls.Where(c => c.GetProperty("note").GetString()?.StartsWith("interrupted", StringComparison.Ordinal) == true).ToList();
            output.WriteLine($"{calls.Count} calls, {interrupted.Count} interrupted; live at the kill: " + string.Join(", ", calls
                .Where(c => c.GetProperty("startedAt").ValueKind == JsonValueKind.String && c.GetProperty("startedAt").GetDateTimeOffset() <= killedAt
                    && c.GetProperty("endedAt").GetDateTimeOffset() > killedAt)
                .Select(c => $"{c.GetProperty("result").GetString()} ({c.GetProperty("note").GetString()})")));
            Assert.NotEmpty(interrupted);
            foreach (var call in interrupted.Where(c => c.GetProperty("result").GetString() == "failed" && c.GetProperty("attempt").GetInt32() < MaxAttempts))
            {
                var customerId = call.GetProperty("customerId").GetString();
                var attempt = call.GetProperty("attempt").GetInt32();
                Assert.Contains(calls, c => c.GetProperty("customerId").GetString() == customerId && c.GetProperty("attempt").GetInt32() == attempt + 1);
            }

            // The trunk was never exceeded: neither by the overlap of the stored calls nor by its own account.
            Assert.InRange(MostAtOnce(calls), 1, TrunkCapacity);
            var after = await survivors[0].Client.GetFromJsonAsync<JsonElement>("/api/system");
            Assert.Equal(0, after.GetProperty("trunk").GetProperty("inUse").GetInt32());
            Assert.InRange(after.GetProperty("trunk").GetProperty("peakInUse").GetInt32(), 1, TrunkCapacity);
            Assert.Equal(2, ActiveSilos(after));
        }
        catch
        {
            foreach (var host in hosts)
            {
                output.WriteLine($"--- silo port {host.SiloPort} ---\n{host.Output}");
            }

            throw;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static int ActiveSilos(JsonElement system) =>
        system.GetProperty("silos").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active");

    private static int CallGrainsOn(JsonElement system, int siloPort) => system.GetProperty("silos").EnumerateArray()
        .Where(s => s.GetProperty("address").GetString()!.Contains($":{siloPort}:", StringComparison.Ordinal) && s.GetProperty("status").GetString() == "Active")
        .Sum(s => s.GetProperty("activeGrains").TryGetProperty("CallGrain", out var n) ? n.GetInt32() : 0);

    /// <summary>The most calls that were live at one instant, from the stored start and end times.</summary>
    private static int MostAtOnce(IEnumerable<JsonElement> calls) => Intervals.MostAtOnce(calls
        .Where(c => c.GetProperty("startedAt").ValueKind == JsonValueKind.String)
        .Select(c => (c.GetProperty("startedAt").GetDateTimeOffset(), c.GetProperty("endedAt").GetDateTimeOffset())));

    /// <summary>Polls until the condition holds; requests may fail while the cluster notices its loss.</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient client, string path, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "(no answer yet)";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var response = await client.GetAsync(path);
                last = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    var json = JsonDocument.Parse(last).RootElement.Clone();
                    if (done(json))
                    {
                        return json;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{path} did not get there within {timeout}; last answer: {last}");
    }

    public void Dispose() => _file.Dispose();
}
