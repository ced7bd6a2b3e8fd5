using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Campaign.Tests.Acs;

/// <summary>
/// Call Automation on loopback: verifies the HMAC signature of every request independently (a wrong key gets 401),
/// creates calls (deduplicated by Repeatability-Request-ID), accepts play, recognize and terminate, and publishes an
/// OpenID configuration with the key it signs callback JWTs with. Each created call is played by a <see cref="FakeAcsCallee"/>.
/// </summary>
public sealed class FakeAcs : IAsyncDisposable
{
    public const string Issuer = "https://acscallautomation.communication.azure.com";
    public const string ResourceId = "5f1c7a52-6a3e-4c1b-9d3e-0b7c2f4e8a91";
    public static readonly string AccessKey = Convert.ToBase64String(Encoding.UTF8.GetBytes("fake-acs-access-key-0123456789abcdef"));
    private readonly ConcurrentDictionary<string, FakeAcsCall> _byRequestId = new();
    private WebApplication? _app;

    public FakeAcs() => Callee = new FakeAcsCallee(this);

    public ConcurrentDictionary<string, FakeAcsCall> Calls { get; } = new();

    /// <summary>Text messages sent through the SMS API, by message id, with the request body they were sent with.</summary>
    public ConcurrentDictionary<string, JsonElement> Texts { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public string Endpoint => BaseUrl.ToString().TrimEnd('/');

    public string OpenIdConfigurationUrl => $"{Endpoint}/calling/.well-known/acsopenidconfiguration";

    /// <summary>How the person at a number behaves; a human who talks by default.</summary>
    public Func<string, CalleeScript> Script { get; set; } = _ => CalleeScript.Talkative;

    public FakeAcsCallee Callee { get; }

    /// <summary>When false, created calls just stay connecting (for tests of the REST client alone).</summary>
    public bool PlayCallees { get; set; } = true;

    /// <summary>Status codes to answer the next creates with, before creating anything (throttling, outages).</summary>
    public ConcurrentQueue<int> FailCreates { get; } = new();

    /// <summary>Status codes to answer the next creates with after creating the call (the answer is lost on the way).</summary>
    public ConcurrentQueue<int> LoseCreateAnswers { get; } = new();

    /// <summary>The key callbacks are signed with and the only one published; replace it to roll keys over.</summary>
    public RsaSecurityKey SigningKey { get; set; } = NewKey("fake-acs-key-1");

    public int CreateRequests;

    public int Unauthorized;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/calling/.well-known/acsopenidconfiguration", () => Results.Json(new { issuer = Issuer, jwks_uri = $"{Endpoint}/calling/keys" }));
        _app.MapGet("/calling/keys", () => Results.Text(JsonKeySet(SigningKey), "application/json"));
        _app.UseWhen(http => http.Request.Path.StartsWithSegments("/calling/callConnections") || http.Request.Path.StartsWithSegments("/sms"), branch => branch.Use(async (http, next) =>
        {
            if (!await IsSignedAsync(http.Request))
            {
                Interlocked.Increment(ref Unauthorized);
                await Error(401, "Denied", "HMAC validation failed").ExecuteAsync(http);
                return;
            }

            await next(http);
        }));
        _app.MapPost("/calling/callConnections", CreateAsync);
        _app.MapPost("/sms", SendTextAsync);
        _app.MapGet("/calling/callConnections/{id}", (string id) => Calls.TryGetValue(id, out var call) ? Connection(call, 200) : Error(404, "8522", "Call not found"));
        _app.MapPost("/calling/callConnections/{*action}", ActAsync);
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.First());
    }

    /// <summary>The SMS Send operation (api-version 2021-03-07): one result per recipient, deduplicated by repeatability id.</summary>
    private async Task<IResult> SendTextAsync(HttpRequest request)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        if (request.Query["api-version"] != "2021-03-07" || !body.TryGetProperty("from", out _) || !body.TryGetProperty("message", out _))
        {
            return Error(400, "BadRequest", "from, message and api-version are required");
        }

        var results = new List<object>();
        foreach (var recipient in body.GetProperty("smsRecipients").EnumerateArray())
        {
            var repeatability = recipient.GetProperty("repeatabilityRequestId").GetString()!;
            var id = "Outgoing_" + repeatability;
            var repeated = !Texts.TryAdd(id, body);
            results.Add(new { to = recipient.GetProperty("to").GetString(), messageId = id, httpStatusCode = 202, repeatabilityResult = repeated ? "rejected" : "accepted", successful = true });
        }

        return Results.Json(new { value = results }, statusCode: 202);
    }

    /// <summary>A JWT as Call Automation puts on callbacks; by default valid for this resource.</summary>
    public string IssueToken(string audience = ResourceId, RsaSecurityKey? key = null, string issuer = Issuer, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now - TimeSpan.FromMinutes(1),
            NotBefore = now - TimeSpan.FromMinutes(1),
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(5)),
            Subject = new ClaimsIdentity([new Claim("sub", "call-automation")]),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    private static string JsonKeySet(RsaSecurityKey key)
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        return JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
    }

    /// <summary>Recomputes the signature from what arrived on the wire: method, raw path and query, date, host and body hash.</summary>
    private static async Task<bool> IsSignedAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        request.Body.Position = 0;
        var hash = Convert.ToBase64String(SHA256.HashData(buffer.ToArray()));
        var date = request.Headers["x-ms-date"].ToString();
        if (request.Headers["x-ms-content-sha256"].ToString() != hash
            || !DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
            || (DateTimeOffset.UtcNow - sent).Duration() > TimeSpan.FromMinutes(5))
        {
            return false;
        }

        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var toSign = $"{request.Method}\n{target}\n{date};{request.Host.Value};{hash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(AccessKey), Encoding.ASCII.GetBytes(toSign)));
        return request.Headers.Authorization.ToString() == $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}";
    }

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        Interlocked.Increment(ref CreateRequests);
        if (FailCreates.TryDequeue(out var failure))
        {
            return Error(failure, "TooManyRequests", "Try again later");
        }

        var requestId = request.Headers["Repeatability-Request-ID"].ToString();
        if (requestId.Length == 0 || request.Headers["Repeatability-First-Sent"].ToString().Length == 0)
        {
            return Error(400, "BadRequest", "Repeatability headers are required on creates in this fake");
        }

        if (_byRequestId.TryGetValue(requestId, out var repeated))
        {
            return Connection(repeated, 201);
        }

        var body = (await JsonDocument.ParseAsync(request.Body)).RootElement.Clone();
        var call = new FakeAcsCall(Guid.NewGuid().ToString(), body);
        _byRequestId[requestId] = call;
        Calls[call.Id] = call;
        if (PlayCallees)
        {
            var script = Script(call.To);
            _ = Task.Run(() => Callee.PlayAsync(call, script));
        }

        return LoseCreateAnswers.TryDequeue(out var lost) ? Error(lost, "ServiceUnavailable", "The answer was lost") : Connection(call, 201);
    }

    private async Task<IResult> ActAsync(string action, HttpRequest request)
    {
        var split = action.LastIndexOf(':');
        if (split <= 0 || !Calls.TryGetValue(action[..split], out var call))
        {
            return Error(404, "8522", "Call not found");
        }

        if (call.State == "disconnected")
        {
            return Error(404, "8522", "Call already ended");
        }

        var kind = action[(split + 1)..];
        var body = request.ContentLength > 0 ? (await JsonDocument.ParseAsync(request.Body)).RootElement.Clone() : default;
        var requested = new FakeAcsAction(kind, body);
        lock (call.Requested)
        {
            call.Requested.Add(requested);
        }

        switch (kind)
        {
            case "terminate":
                if (call.TryEnd())
                {
                    call.Actions.Writer.TryWrite(requested);
                }

                return Results.NoContent();
            case "play" or "recognize" or "transferToParticipant":
                call.Actions.Writer.TryWrite(requested);
                return Results.Accepted();
            default:
                return Error(400, "BadRequest", $"unknown action {kind}");
        }
    }

    private static IResult Connection(FakeAcsCall call, int status) => Results.Json(
        new
        {
            callConnectionId = call.Id,
            serverCallId = "server-" + call.Id,
            targets = new[] { new { kind = "phoneNumber", phoneNumber = new { value = call.To } } },
            sourceCallerIdNumber = new { value = call.From },
            callConnectionState = call.State,
            callbackUri = call.CallbackUri,
        },
        statusCode: status);

    private static IResult Error(int status, string code, string message) => Results.Json(new { error = new { code, message } }, statusCode: status);

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
