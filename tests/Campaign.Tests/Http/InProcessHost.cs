using System.Net.Http.Headers;
using Campaign.Host.Hosting;
using Campaign.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Http;

/// <summary>The real host (Kestrel on a loopback port, a silo, a temporary SQLite file) inside the test process.</summary>
public sealed class InProcessHost : IAsyncLifetime
{
    public const string ApiKey = "test-api-key-0123456789";
    public const string AdminUser = "ops";
    public const string AdminPassword = "correct horse battery staple";
    public const long MaxImportBytes = 1024 * 1024;
    private readonly TempDatabase _file = new();
    private readonly IReadOnlyList<string> _extraArgs;
    private readonly Action<IServiceCollection>? _configure;
    private WebApplication? _app;

    public InProcessHost()
        : this([])
    {
    }

    /// <summary>A host whose configuration is the usual one overridden by <paramref name="extraArgs"/> (command-line pairs).</summary>
    internal InProcessHost(IReadOnlyList<string> extraArgs, Action<IServiceCollection>? configure = null)
    {
        _extraArgs = extraArgs;
        _configure = configure;
    }

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The SQLite file behind this host.</summary>
    public string DatabasePath => _file.Path;

    public async Task InitializeAsync()
    {
        _app = Build();
        await _app.StartAsync();
        var address = new Uri(_app.Urls.First());
        BaseAddress = address;
        Anonymous = new HttpClient { BaseAddress = address };
        Client = new HttpClient { BaseAddress = address };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    /// <summary>The host as it would start, not started: for looking at it before its silo is up.</summary>
    internal WebApplication Build() => CampaignHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Storage:Sqlite:Path", _file.Path,
            "--Orleans:SiloPort", FreePort.Next().ToString(),
            "--Orleans:GatewayPort", FreePort.Next().ToString(),
            "--Orleans:ClusterId", "http-tests-" + Guid.NewGuid().ToString("N")[..8],
            "--Auth:ApiKey", ApiKey,
            "--Auth:Admin:User", AdminUser,
            "--Auth:Admin:Password", AdminPassword,
            "--Demo:Seed", "false",
            "--Import:MaxFileBytes", MaxImportBytes.ToString(),
            "--Trunk:Capacity", "20",
            "--Trunk:CallsPerSecond", "500",
            "--Telephony:Simulator:TimeScale", "600",
            "--Telephony:Simulator:CallbackShare", "0",
            "--Campaigns:DispatchInterval", "00:00:00.050",
            // Live streams here rely on the campaign grains' notifications alone: the fallback poll never comes in a test.
            "--Ui:LiveUpdates:FallbackPoll", "01:00:00",
            // Webhook receivers in tests listen on loopback over HTTP; retries come in tenths of a second, not minutes.
            "--Webhooks:AllowLoopbackHttp", "true",
            "--Webhooks:FirstRetryDelay", "00:00:00.200",
            "--Webhooks:MaxRetryDelay", "00:00:01",
            "--Webhooks:Timeout", "00:00:01",
            .. _extraArgs,
        ],
        _configure);

    /// <summary>Stops the host as a SIGTERM would, leaving it to be disposed.</summary>
    public Task StopAsync() => _app?.StopAsync() ?? Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _file.Dispose();
    }

    public static StringContent Csv(string csv) => new(csv, new MediaTypeHeaderValue("text/csv"));

    public static StringContent Json(string json) => new(json, new MediaTypeHeaderValue("application/json"));

    /// <summary>Posts JSON, fails the test with the answer's body unless it succeeded, and returns the answer.</summary>
    public async Task<System.Text.Json.JsonElement> PostJsonAsync(string path, string json)
    {
        var response = await Client.PostAsync(path, Json(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Saves a short script through the API and returns its id.</summary>
    public async Task<string> CreateScriptAsync(string name, string opening = "Hello, this is Alex from City Power.")
    {
        var created = await PostJsonAsync("/api/scripts", $$"""
            { "name": "{{name}}", "persona": { "agentName": "Alex", "company": "City Power" }, "goal": "Check the outage is fixed",
              "opening": "{{opening}}", "closing": "Thank you.", "disclosure": "I'm an automated assistant calling on behalf of City Power." }
            """);
        return created.GetProperty("id").GetString()!;
    }
}

[CollectionDefinition(Name)]
public sealed class InProcessHostCollection : ICollectionFixture<InProcessHost>
{
    public const string Name = "in-process host";
}
