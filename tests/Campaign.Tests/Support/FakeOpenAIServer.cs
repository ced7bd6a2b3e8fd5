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
