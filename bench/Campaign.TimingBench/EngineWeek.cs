using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Campaign.Host.Hosting;

namespace Campaign.TimingBench;

/// <summary>The settings of a week on the engine: the same audience, lines and attempt budget under both timings.</summary>
public sealed record EngineWeekSettings(int Customers, int MaxConcurrentCalls, int Days, double Speed, int Seed);

/// <summary>What a week on the engine gave, as its campaign's stats report it.</summary>
public sealed record EngineWeekResult(
    string Timing, int Dials, int Answered, int Voicemail, string Status, DateTimeOffset CalendarEnd, TimeSpan Elapsed, TimeSpan Cpu, double? ExpectedAnswerRate)
{
    public double AnswersPerDial => Dials == 0 ? 0 : (double)Answered / Dials;
}

/// <summary>
/// One campaign on the real host (its silo, the SQLite default, the simulator's virtual customers, the offline
/// conversation engine) on a simulated calendar that starts on a Monday at 06:00 in Chicago and runs
/// <see cref="EngineWeekSettings.Speed"/> times faster than real time, until <see cref="EngineWeekSettings.Days"/> days
/// have passed or the campaign is done. Each run has a store of its own, so nothing learned carries over.
/// </summary>
public static class EngineWeek
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 6, 0, 0, TimeSpan.FromHours(-6));
    private const string ApiKey = "timing-bench-key-0123456789";
    private static readonly string[] Zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];

    public static async Task<EngineWeekResult> RunAsync(EngineWeekSettings settings, string timing, string maxHold)
    {
        var folder = Path.Combine(Path.GetTempPath(), "timing-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var url = $"http://127.0.0.1:{FreePort()}";
        var app = CampaignHost.Build(
        [
            "--urls", url,
            "--Logging:LogLevel:Default", "Warning",
            "--Storage:Sqlite:Path", Path.Combine(folder, "campaign.db"),
            "--Orleans:SiloPort", Text(FreePort()),
            "--Orleans:GatewayPort", Text(FreePort()),
            "--Auth:ApiKey", ApiKey,
            "--Auth:Admin:Password", "timing bench password",
            "--Demo:Seed", "false",
            "--Trunk:Capacity", "100",
            "--Trunk:CallsPerSecond", "1000",
            "--Telephony:Simulator:Seed", Text(settings.Seed),
            "--Telephony:Simulator:CallbackShare", "0",
            "--Telephony:Simulator:Calendar:Start", Start.ToString("O", CultureInfo.InvariantCulture),
            "--Telephony:Simulator:Calendar:Speed", settings.Speed.ToString(CultureInfo.InvariantCulture),
        ]);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        try
        {
            await app.StartAsync();
            using var api = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            var id = await StartCampaignAsync(api, settings, timing, maxHold);
            var end = Start.AddDays(settings.Days);
            JsonElement stats;
            DateTimeOffset now;
            do
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                stats = await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
                now = (await api.GetFromJsonAsync<JsonElement>("/api/system")).GetProperty("calendar").GetProperty("now").GetDateTimeOffset();
            }
            while (now < end && stats.GetProperty("status").GetString() is not ("completed" or "cancelled"));

            var results = stats.GetProperty("results");
            var dials = results.EnumerateObject().Sum(r => r.Value.GetInt32());
            var expected = stats.GetProperty("learnedTiming") is { ValueKind: JsonValueKind.Object } learned
                && learned.GetProperty("expectedAnswerRate") is { ValueKind: JsonValueKind.Number } rate ? rate.GetDouble() : (double?)null;
            return new EngineWeekResult(timing == "asap" ? timing : $"learned {maxHold}", dials, results.GetProperty("answered").GetInt32(), results.GetProperty("voicemail").GetInt32(),
                stats.GetProperty("status").GetString()!, now, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, expected);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Customers across the four US zones (some with a reported problem), and a campaign over them.</summary>
    private static async Task<string> StartCampaignAsync(HttpClient api, EngineWeekSettings settings, string timing, string maxHold)
    {
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text,consent.kind,consent.at\n");
        for (var i = 0; i < settings.Customers; i++)
        {
            var issue = i % 2 == 0 ? "electricity,power cuts in the evening" : ",";
            csv.Append(CultureInfo.InvariantCulture,
                $"week-{i:D5},Customer {i},+1312{200 + (i / 10000):D3}{i % 10000:D4},Week,{Zones[i % Zones.Length]},{issue},express,2020-01-01\n");
        }

        (await api.PostAsync("/api/customers/import", new StringContent(csv.ToString(), new MediaTypeHeaderValue("text/csv")))).EnsureSuccessStatusCode();
        var created = await PostAsync(api, "/api/campaigns", $$"""
            { "name": "Week {{timing}}", "criteria": { "area": ["Week"] }, "maxConcurrentCalls": {{settings.MaxConcurrentCalls}},
              "retryPolicy": { "maxAttempts": 3 }, "callerId": "+13125550123", "timing": "{{timing}}", "maxHold": "{{maxHold}}" }
            """);
        var id = created.GetProperty("id").GetString()!;
        await PostAsync(api, $"/api/campaigns/{id}/start", "{}");
        return id;
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, string json)
    {
        var response = await api.PostAsync(path, new StringContent(json, new MediaTypeHeaderValue("application/json")));
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement : throw new InvalidOperationException($"{path}: {response.StatusCode} {body}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
