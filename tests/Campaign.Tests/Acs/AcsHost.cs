using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Acs;

/// <summary>A fake ACS and the real host wired to it: the host calls through the fake, the fake posts callbacks back.</summary>
public sealed class AcsHost : IAsyncDisposable
{
    public const string SmsEventsToken = "sms-events-token-0123456789abcdef";

    private InProcessHost? _host;

    public FakeAcs Acs { get; } = new();

    public HttpClient Client => _host!.Client;

    /// <summary>Where the host listens; also its public base URL, so callback URLs point back at it.</summary>
    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _host!.Services;

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
        _host = new InProcessHost(
        [
            "--urls", BaseUrl,
            "--Telephony:Provider", "Acs",
            "--Telephony:Acs:Endpoint", Acs.Endpoint,
            "--Telephony:Acs:AccessKey", FakeAcs.AccessKey,
            "--Telephony:Acs:FromNumber", "+12125550199",
            "--Telephony:Acs:PublicBaseUrl", BaseUrl,
            "--Telephony:Acs:CognitiveServicesEndpoint", "https://speech-test.cognitiveservices.azure.com",
            "--Telephony:Acs:Jwt:Enabled", jwt.ToString(),
            "--Telephony:Acs:Jwt:Audience", FakeAcs.ResourceId,
            "--Telephony:Acs:Jwt:OpenIdConfigurationUrl", Acs.OpenIdConfigurationUrl,
            "--Telephony:Acs:SmsEventsToken", SmsEventsToken,
        ]);
        await _host.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Acs.DisposeAsync();
    }
}
