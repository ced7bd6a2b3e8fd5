using System.Collections.Concurrent;

namespace Campaign.WebhookBench;

/// <summary>
/// Twilio's REST API for calls, on loopback: a created call is handed to <see cref="Created"/> to be played; hang-ups
/// and status reads are answered as Twilio would.
/// </summary>
internal sealed class FakeTwilioApi : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "bench-auth-token-0123456789abcdef";
    private const string CallsPath = $"/2010-04-01/Accounts/{AccountSid}/Calls";
    private readonly ConcurrentDictionary<string, string> _status = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public required Action<Callee.Call> Created { get; init; }

    public Uri BaseUrl { get; private set; } = null!;

    public int Count => _status.Count;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost($"{CallsPath}.json", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var sid = "CA" + Guid.NewGuid().ToString("N");
            _status[sid] = "queued";
            Created(new Callee.Call(sid, form["From"].ToString(), form["To"].ToString(), form["Url"].ToString(), form["StatusCallback"].ToString(), []));
            return Json(sid, form["To"].ToString(), 201);
        });
        _app.MapPost(CallsPath + "/{sid}.json", (string sid) => Json(sid, "", 200));
        _app.MapGet(CallsPath + "/{sid}.json", (string sid) => Json(sid, "", 200));
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.First());
    }

    private static IResult Json(string sid, string to, int status) => Results.Json(
        new Dictionary<string, object?>
        {
            ["sid"] = sid,
            ["account_sid"] = AccountSid,
            ["to"] = to,
            ["status"] = "queued",
            ["direction"] = "outbound-api",
            ["uri"] = $"{CallsPath}/{sid}.json",
        },
        statusCode: status);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
