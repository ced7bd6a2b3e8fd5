using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Campaign.Host.Hosting;

namespace Campaign.WebhookBench;

/// <summary>
/// The real host (Kestrel, a silo, the offline conversation engine, a temporary SQLite file) with Twilio as its
/// telephony, pointed at <see cref="FakeTwilioApi"/>; campaigns are made and started through its API.
/// </summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    private const string ApiKey = "bench-api-key-0123456789";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "webhook-bench-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;
    private int _phones;

    public HttpClient Api { get; } = new();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync(Uri twilioApi, int trunkCapacity, string[] settings)
    {
        Directory.CreateDirectory(_folder);
        var url = $"http://127.0.0.1:{FreePort()}";
        _app = CampaignHost.Build(
        [
            "--urls", url,
            "--Logging:LogLevel:Default", "Warning",
            "--Storage:Sqlite:Path", Path.Combine(_folder, "campaign.db"),
            "--Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Auth:ApiKey", ApiKey,
            "--Auth:Admin:User", "ops",
            "--Auth:Admin:Password", "webhook bench password",
            "--Demo:Seed", "false",
            "--Trunk:Capacity", trunkCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Trunk:CallsPerSecond", "1000",
            "--Telephony:Provider", "Twilio",
            "--Telephony:Twilio:AccountSid", FakeTwilioApi.AccountSid,
            "--Telephony:Twilio:AuthToken", FakeTwilioApi.AuthToken,
            "--Telephony:Twilio:FromNumber", "+12125550199",
            "--Telephony:Twilio:ApiBaseUrl", twilioApi.ToString(),
            "--Telephony:Twilio:PublicBaseUrl", url,
            "--Telephony:Twilio:Mode", "Gather",
            "--Telephony:Twilio:MachineDetection", "false",
            .. settings,
        ]);
        await _app.StartAsync();
        Api.BaseAddress = new Uri(url);
        Api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        Api.Timeout = TimeSpan.FromMinutes(5);
    }

    /// <summary>Imports <paramref name="customers"/> customers in an area of their own and starts a campaign over them.</summary>
    public async Task StartCampaignAsync(int customers, int maxConcurrentCalls)
    {
        var area = "bench" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,consent.kind,consent.at\n");
        for (var i = 0; i < customers; i++)
        {
            var n = Interlocked.Increment(ref _phones);
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{area}-{i:D5},Customer {n},+1212{200 + (n / 10000):D3}{n % 10000:D4},{area},{AfternoonZone()},express,2020-01-01\n");
        }

        (await Api.PostAsync("/api/customers/import", new StringContent(csv.ToString(), new MediaTypeHeaderValue("text/csv")))).EnsureSuccessStatusCode();
        var created = await PostAsync("/api/campaigns", $$"""
            { "name": "Webhook bench {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": {{maxConcurrentCalls}},
              "retryPolicy": { "maxAttempts": 1 }, "callerId": "+12125550123" }
            """);
        await PostAsync($"/api/campaigns/{created.GetProperty("id").GetString()}/start", "{}");
    }

    private async Task<JsonElement> PostAsync(string path, string json)
    {
        var response = await Api.PostAsync(path, new StringContent(json, new MediaTypeHeaderValue("application/json")));
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.Clone()
            : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {body}");
    }

    /// <summary>A zone where it is early afternoon now, inside the lawful calling hours whenever the bench runs.</summary>
    private static string AfternoonZone()
    {
        var offset = 13 - DateTimeOffset.UtcNow.Hour;
        offset = offset > 14 ? offset - 24 : offset < -12 ? offset + 24 : offset;
        return offset == 0 ? "Etc/UTC" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}";
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
