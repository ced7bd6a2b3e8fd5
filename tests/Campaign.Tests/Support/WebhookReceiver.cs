using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Campaign.Tests.Support;

/// <summary>
/// A webhook receiver on a loopback port, as an operator's CRM would run one: it checks each delivery's signature
/// itself (HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>, computed here, not by the product's code), records what
/// came, and answers with the status the test chooses (or hangs, to make the sender time out).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>Answered with <see cref="Hang"/>: the receiver never answers (until the sender gives up).</summary>
    public const int Hang = -1;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly List<Received> _received = [];

    private WebhookReceiver(WebApplication app) => _app = app;

    public required string Secret { get; init; }

    public Uri Url => new(new Uri(_app.Urls.First()), "/hooks");

    /// <summary>The status answered once the script is used up.</summary>
    public int DefaultStatus { get; set; } = 200;

    public IReadOnlyList<Received> All
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { Secret = secret };
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next deliveries are answered with these statuses, in order (<see cref="Hang"/> to time out).</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    /// <summary>The event with this id is answered 500 the first <paramref name="times"/> times it comes.</summary>
    public void FailFirst(string eventId, int times) => _failures[eventId] = times;

    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var all = All;
            if (condition(all))
            {
                return all;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The receiver did not see what was expected in {timeout}; it saw:\n" +
                    string.Join("\n", all.Select(r => $"{r.At:HH:mm:ss.fff} {r.Type} {r.Id} → {r.AnsweredWith}")));
            }

            await Task.Delay(100);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var id = context.Request.Headers["Campaign-Webhook-Id"].ToString();
        var timestamp = context.Request.Headers["Campaign-Webhook-Timestamp"].ToString();
        var signature = context.Request.Headers["Campaign-Webhook-Signature"].ToString();
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        var verified = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
        var fresh = long.TryParse(timestamp, out var seconds) && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) <= 300;
        var status = !verified ? 401
            : _failures.TryGetValue(id, out var left) && left > 0 && _failures.TryUpdate(id, left - 1, left) ? 500
            : _script.TryDequeue(out var next) ? next : DefaultStatus;
        using var json = JsonDocument.Parse(body);
        var received = new Received(DateTimeOffset.UtcNow, id, json.RootElement.GetProperty("type").GetString()!, json.RootElement.Clone(), body,
            verified && fresh, context.Request.ContentType, status);
        lock (_received)
        {
            _received.Add(received);
        }

        if (status == Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One delivery as it arrived, with whether its signature and timestamp checked out and what it was answered.</summary>
    public sealed record Received(DateTimeOffset At, string Id, string Type, JsonElement Json, string Body, bool Verified, string? ContentType, int AnsweredWith)
    {
        public JsonElement Data => Json.GetProperty("data");
    }
}
