using Campaign.Host.Hosting;
using Campaign.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Campaign.Tests.Acs;

/// <summary>A fake ACS and the real host wired to it: the host calls through the fake, the fake posts callbacks back.</summary>
public sealed class AcsHost : IAsyncDisposable
{
    public const string ApiKey = "acs-test-api-key-0123456789";
    private readonly TempDatabase _file = new();
    private WebApplication? _app;

    public FakeAcs Acs { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Where the host listens; also its public base URL, so callback URLs point back at it.</summary>
    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    public static async Task<AcsHost> StartAsync(bool jwt = false)
    {
        var host = new AcsHost();
        await host.InitializeAsync(jwt);
        return host;
    }

    private async Task InitializeAsync(bool jwt)
    {
        await Acs.StartAsync();
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        _app = CampaignHost.Build(
        [
            "--urls", BaseUrl,
            "--Storage:Sqlite:Path", _file.Path,
            "--Orleans:SiloPort", FreePort.Next().ToString(),
            "--Orleans:GatewayPort", FreePort.Next().ToString(),
            "--Orleans:ClusterId", "acs-tests-" + Guid.NewGuid().ToString("N")[..8],
            "--Auth:ApiKey", ApiKey,
            "--Demo:Seed", "false",
            "--Trunk:Capacity", "20",
            "--Trunk:CallsPerSecond", "500",
            "--Campaigns:DispatchInterval", "00:00:00.050",
            "--Telephony:Provider", "Acs",
            "--Telephony:Acs:Endpoint", Acs.Endpoint,
            "--Telephony:Acs:AccessKey", FakeAcs.AccessKey,
            "--Telephony:Acs:FromNumber", "+12125550199",
            "--Telephony:Acs:PublicBaseUrl", BaseUrl,
            "--Telephony:Acs:CognitiveServicesEndpoint", "https://speech-test.cognitiveservices.azure.com",
            "--Telephony:Acs:Jwt:Enabled", jwt.ToString(),
            "--Telephony:Acs:Jwt:Audience", FakeAcs.ResourceId,
            "--Telephony:Acs:Jwt:OpenIdConfigurationUrl", Acs.OpenIdConfigurationUrl,
        ]);
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Acs.DisposeAsync();
        _file.Dispose();
    }
}
