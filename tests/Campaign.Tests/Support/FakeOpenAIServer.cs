using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Campaign.Tests.Support;

/// <summary>An OpenAI-compatible chat completions endpoint on a loopback port, answering as the test says.</summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAIServer(WebApplication app) => _app = app;

    /// <summary>The API base to configure, <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public string Endpoint => _app.Urls.First().TrimEnd('/') + "/v1";

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    /// <summary>When each request arrived (<see cref="TimeProvider.System"/>), in order.</summary>
    public ConcurrentQueue<DateTimeOffset> Arrivals { get; } = new();

    /// <summary>The answer to each request body.</summary>
    public Func<JsonElement, CancellationToken, Task<IResult>> Respond { get; set; } = (_, _) => Task.FromResult(Text("Hello."));

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = (await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)).RootElement.Clone();
            server.Arrivals.Enqueue(TimeProvider.System.GetUtcNow());
            server.Requests.Enqueue(body);
            server.Authorizations.Enqueue(context.Request.Headers.Authorization.FirstOrDefault());
            return await server.Respond(body, context.RequestAborted);
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>The role of the last message of a request: "user", "tool", ….</summary>
    public static string LastRole(JsonElement request) => request.GetProperty("messages").EnumerateArray().Last().GetProperty("role").GetString()!;

    public static bool WantsJson(JsonElement request) => request.TryGetProperty("response_format", out _);

    /// <summary>An error answer with an OpenAI-style body, and a <c>Retry-After</c> header when given (seconds or an HTTP date).</summary>
    public static IResult Fault(int status, string? retryAfter = null, string message = "the model is overloaded") => new FaultResult(status, retryAfter, message);

    /// <summary>The number of requests that asked for a reply (not the extraction).</summary>
    public int ReplyRequests => Requests.Count(r => !WantsJson(r));

    public static IResult Text(string content) => Completion(new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop");

    public static IResult ToolCalls(params (string Name, string Arguments)[] calls) => Completion(
        new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JsonArray(calls.Select((c, i) => (JsonNode)new JsonObject
            {
                ["id"] = $"call_{i}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
            }).ToArray()),
        },
        "tool_calls");

    /// <summary>
    /// A streamed answer (server-sent events) of the given text tokens; <paramref name="beforeToken"/> runs before each
    /// token is written (index, request aborted token), so a test can hold the stream open between tokens.
    /// </summary>
    public static IResult StreamText(IReadOnlyList<string> tokens, Func<int, CancellationToken, Task>? beforeToken = null) =>
        new StreamedCompletion(async (write, aborted) =>
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (beforeToken is not null)
                {
                    await beforeToken(i, aborted);
                }

                await write(new JsonObject { ["role"] = "assistant", ["content"] = tokens[i] }, null);
            }

            await write(new JsonObject(), "stop");
        });

    /// <summary>A streamed answer that calls the given functions.</summary>
    public static IResult StreamToolCalls(params (string Name, string Arguments)[] calls) =>
        new StreamedCompletion(async (write, _) =>
        {
            for (var i = 0; i < calls.Length; i++)
            {
                await write(new JsonObject
                {
                    ["role"] = "assistant",
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["index"] = i,
                        ["id"] = $"call_{i}",
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = calls[i].Name, ["arguments"] = calls[i].Arguments },
                    }),
                }, null);
            }

            await write(new JsonObject(), "tool_calls");
        });

    private sealed class FaultResult(int status, string? retryAfter, string message) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = message, ["type"] = status == 429 ? "rate_limit_exceeded" : "server_error" },
            }.ToJsonString());
        }
    }

    private sealed class StreamedCompletion(Func<Func<JsonObject, string?, Task>, CancellationToken, Task> produce) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            var aborted = context.RequestAborted;
            response.ContentType = "text/event-stream";
            var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..8];
            await produce(async (delta, finishReason) =>
            {
                var chunk = new JsonObject
                {
                    ["id"] = id,
                    ["object"] = "chat.completion.chunk",
                    ["created"] = 1_764_000_000,
                    ["model"] = "fake-model",
                    ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
                };
                await response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", aborted);
                await response.Body.FlushAsync(aborted);
            }, aborted);
            await response.WriteAsync("data: [DONE]\n\n", aborted);
        }
    }

    private static IResult Completion(JsonObject message, string finishReason) => Results.Text(
        new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..8],
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = "fake-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
        }.ToJsonString(),
        "application/json");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
