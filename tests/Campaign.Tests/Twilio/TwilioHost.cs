using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Twilio;

/// <summary>A fake Twilio and the real host wired to it: the host dials through the fake, the fake posts webhooks back.</summary>
public sealed class TwilioHost : IAsyncDisposable
{
    private InProcessHost? _host;

    public FakeTwilio Twilio { get; } = new();

    public HttpClient Client => _host!.Client;

    /// <summary>Where the host listens; also its public base URL, so signatures are computed over what the fake calls.</summary>
    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _host!.Services;

    public static async Task<TwilioHost> StartAsync(string mode = "Gather") => await StartAsync(mode, [], null);

    /// <summary>A host with <paramref name="extraArgs"/> on its command line and <paramref name="configure"/> applied to its services.</summary>
    public static async Task<TwilioHost> StartAsync(string mode, IReadOnlyList<string> extraArgs, Action<IServiceCollection>? configure)
    {
        var host = new TwilioHost();
        await host.InitializeAsync(mode, extraArgs, configure);
        return host;
    }

    private async Task InitializeAsync(string mode, IReadOnlyList<string> extraArgs, Action<IServiceCollection>? configure)
    {
        await Twilio.StartAsync();
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        _host = new InProcessHost(
        [
            "--urls", BaseUrl,
            "--Telephony:Provider", "Twilio",
            "--Telephony:Twilio:AccountSid", FakeTwilio.AccountSid,
            "--Telephony:Twilio:AuthToken", FakeTwilio.AuthToken,
            "--Telephony:Twilio:FromNumber", "+12125550199",
            "--Telephony:Twilio:ApiBaseUrl", Twilio.BaseUrl.ToString(),
            "--Telephony:Twilio:PublicBaseUrl", BaseUrl,
            "--Telephony:Twilio:Mode", mode,
            .. extraArgs,
        ], configure);
        await _host.InitializeAsync();
    }

    /// <summary>Stops the host as a SIGTERM would; the fake Twilio goes on.</summary>
    public Task StopHostAsync() => _host!.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Twilio.DisposeAsync();
    }
}
