using Campaign.Host.Hosting;
using Campaign.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Campaign.Tests.Twilio;

/// <summary>A fake Twilio and the real host wired to it: the host dials through the fake, the fake posts webhooks back.</summary>
public sealed class TwilioHost(string mode) : IAsyncDisposable
{
    public const string ApiKey = "twilio-test-api-key-0123456789";
    private readonly TempDatabase _file = new();
    private WebApplication? _app;

    public FakeTwilio Twilio { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Where the host listens; also its public base URL, so signatures are computed over what the fake calls.</summary>
    public string BaseUrl { get; private set; } = "";

    public static async Task<TwilioHost> StartAsync(string mode = "Gather")
    {
        var host = new TwilioHost(mode);
        await host.InitializeAsync();
        return host;
    }

    private async Task InitializeAsync()
    {
        await Twilio.StartAsync();
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        _app = CampaignHost.Build(
        [
            "--urls", BaseUrl,
            "--Storage:Sqlite:Path", _file.Path,
            "--Orleans:SiloPort", FreePort.Next().ToString(),
            "--Orleans:GatewayPort", FreePort.Next().ToString(),
            "--Orleans:ClusterId", "twilio-tests-" + Guid.NewGuid().ToString("N")[..8],
            "--Auth:ApiKey", ApiKey,
            "--Demo:Seed", "false",
            "--Trunk:Capacity", "20",
            "--Trunk:CallsPerSecond", "500",
            "--Campaigns:DispatchInterval", "00:00:00.050",
            "--Telephony:Provider", "Twilio",
            "--Telephony:Twilio:AccountSid", FakeTwilio.AccountSid,
            "--Telephony:Twilio:AuthToken", FakeTwilio.AuthToken,
            "--Telephony:Twilio:FromNumber", "+12125550199",
            "--Telephony:Twilio:ApiBaseUrl", Twilio.BaseUrl.ToString(),
            "--Telephony:Twilio:PublicBaseUrl", BaseUrl,
            "--Telephony:Twilio:Mode", mode,
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

        await Twilio.DisposeAsync();
        _file.Dispose();
    }
}
