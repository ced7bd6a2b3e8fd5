using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Campaign.Tests.Twilio;

/// <summary>
/// Twilio's REST API for calls, on loopback: creates, updates and fetches calls, checking basic auth; every created
/// call is then played by a <see cref="FakeCallee"/> that posts signed webhooks to the host.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "fake-auth-token-0123456789abcdef";
    private const string CallsPath = $"/2010-04-01/Accounts/{AccountSid}/Calls";
    private const string MessagesPath = $"/2010-04-01/Accounts/{AccountSid}/Messages";
    private WebApplication? _app;

    public ConcurrentDictionary<string, FakeCall> Calls { get; } = new();

    /// <summary>Text messages created through the Messages API, by SID, with the form they were created with.</summary>
    public ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Messages { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>How the person at a number behaves; a human who talks by default.</summary>
    public Func<string, CalleeScript> Script { get; set; } = _ => CalleeScript.Talkative;

    public FakeCallee Callee { get; } = new(AuthToken);

    /// <summary>When false, created calls just stay queued (for tests of the REST adapter alone).</summary>
    public bool PlayCallees { get; set; } = true;

    /// <summary>Status codes to answer the next creates with before accepting one (e.g. 429).</summary>
    public ConcurrentQueue<int> FailCreates { get; } = new();

    public int CreateRequests;

    private int _live;
    private int _peakLive;

    /// <summary>The most calls that were live (created and not yet ended) at once, as Twilio would count them.</summary>
    public int PeakLiveCalls => Volatile.Read(ref _peakLive);

    public int Unauthorized;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (http, next) =>
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
            if (http.Request.Headers.Authorization.ToString() != expected)
            {
                Interlocked.Increment(ref Unauthorized);
                await Error(20003, "Authenticate", 401).ExecuteAsync(http);
                return;
            }

            await next(http);
        });
        _app.MapPost($"{CallsPath}.json", CreateAsync);
        _app.MapPost(CallsPath + "/{sid}.json", UpdateAsync);
        _app.MapPost($"{MessagesPath}.json", CreateMessageAsync);
        _app.MapGet(CallsPath + "/{sid}.json", (string sid) => Calls.TryGetValue(sid, out var call) ? Json(call, 200) : Error(20404, "Not found", 404));
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.First());
    }

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        Interlocked.Increment(ref CreateRequests);
        if (FailCreates.TryDequeue(out var failure))
        {
            return Error(20429, "Too Many Requests", failure);
        }

        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());
        var call = new FakeCall("CA" + Guid.NewGuid().ToString("N"), form);
        Calls[call.Sid] = call;
        var live = Interlocked.Increment(ref _live);
        for (var peak = _peakLive; live > peak; peak = _peakLive)
        {
            Interlocked.CompareExchange(ref _peakLive, live, peak);
        }

        _ = call.Ended.ContinueWith(_ => Interlocked.Decrement(ref _live), TaskScheduler.Default);
        if (PlayCallees)
        {
            var script = Script(call.To);
            _ = Task.Run(() => Callee.PlayAsync(call, script));
        }

        return Json(call, 201);
    }

    private async Task<IResult> CreateMessageAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        if (!form.TryGetValue("To", out var to) || !to.StartsWith('+'))
        {
            return Error(21211, "Invalid 'To' Phone Number", 400);
        }

        if (!form.ContainsKey("From") && !form.ContainsKey("MessagingServiceSid"))
        {
            return Error(21603, "A 'From' or 'MessagingServiceSid' parameter is required", 400);
        }

        var sid = "SM" + Guid.NewGuid().ToString("N");
        Messages[sid] = form;
        return Results.Json(
            new Dictionary<string, object?>
            {
                ["sid"] = sid,
                ["account_sid"] = AccountSid,
                ["to"] = to,
                ["from"] = form.GetValueOrDefault("From"),
                ["body"] = form.GetValueOrDefault("Body"),
                ["status"] = "queued",
                ["direction"] = "outbound-api",
                ["uri"] = $"{MessagesPath}/{sid}.json",
            },
            statusCode: 201);
    }

    private async Task<IResult> UpdateAsync(string sid, HttpRequest request)
    {
        if (!Calls.TryGetValue(sid, out var call))
        {
            return Error(20404, "Not found", 404);
        }

        if (call.Ended.IsCompleted)
        {
            return Error(21220, "Call is not in-progress. Cannot redirect.", 400);
        }

        var form = await request.ReadFormAsync();
        if (form["Twiml"].ToString() is { Length: > 0 } twiml)
        {
            call.AddRedirect(twiml);
            if (twiml.Contains("<Hangup", StringComparison.Ordinal))
            {
                End(call);
            }
        }

        if (form["Status"].ToString() == "completed")
        {
            End(call);
        }

        return Json(call, 200);
    }

    private void End(FakeCall call)
    {
        if (PlayCallees)
        {
            _ = Task.Run(() => Callee.EndAsync(call, "completed"));
        }
        else
        {
            call.TryEnd("completed");
        }
    }

    private static IResult Json(FakeCall call, int status) => Results.Json(
        new Dictionary<string, object?>
        {
            ["sid"] = call.Sid,
            ["account_sid"] = AccountSid,
            ["to"] = call.To,
            ["from"] = call.Field("From"),
            ["status"] = call.Status,
            ["direction"] = "outbound-api",
            ["uri"] = $"{CallsPath}/{call.Sid}.json",
        },
        statusCode: status);

    private static IResult Error(int code, string message, int status) => Results.Json(
        new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status }, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        Callee.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
