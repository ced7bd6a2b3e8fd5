using Campaign.Abstractions.Calls;
using Campaign.Telephony.Twilio;

namespace Campaign.WebhookBench;

/// <summary>
/// The floor: Kestrel with the same webhook routes, reading the same form and answering with the host's own TwiML
/// writer, with nothing behind it (no signature check, no grain, no conversation).
/// </summary>
internal sealed class BareEndpoint : IAsyncDisposable
{
    private const string Reply = "Thank you. I understand the outages have been a real problem in your area, and a technician visit can be arranged this week. Would you like more information?";
    private WebApplication? _app;
    private TwilioTwiml _twiml = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task StartAsync(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        var options = new TwilioOptions { PublicBaseUrl = BaseUrl };
        _twiml = new TwilioTwiml(options, new TwilioUrls(options));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(BaseUrl);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/telephony/twilio/voice", (HttpRequest request) => AnswerAsync(request, 1));
        _app.MapPost("/telephony/twilio/gather", (HttpRequest request, int turn) => AnswerAsync(request, turn + 1));
        _app.MapPost("/telephony/twilio/status", async (HttpRequest request) =>
        {
            await request.ReadFormAsync();
            return Results.NoContent();
        });
        await _app.StartAsync();
    }

    private async Task<IResult> AnswerAsync(HttpRequest request, int turn)
    {
        var form = await request.ReadFormAsync();
        var instruction = CallInstruction.SayAndListen(form.Count > 0 ? Reply : "") with { AnswerTurn = turn };
        return Results.Content(_twiml.For(request.Query["callId"].ToString(), instruction), "text/xml");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
