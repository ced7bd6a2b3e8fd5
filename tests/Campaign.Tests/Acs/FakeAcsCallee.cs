using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Twilio;

namespace Campaign.Tests.Acs;

/// <summary>
/// Plays the person (or machine) a fake ACS call reached: posts CloudEvent callbacks with a JWT, answers each
/// recognize with the script's next line (silence: RecognizeFailed), completes plays and disconnects on terminate.
/// </summary>
public sealed class FakeAcsCallee(FakeAcs acs) : IDisposable
{
    public const string Greeting = "Hi, you've reached Sam. I can't take your call right now, please leave a message after the beep.";
    private const int MaxTurns = 20;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>Posts every callback twice, as a retrying sender would.</summary>
    public bool DuplicateEvents { get; set; }

    /// <summary>Re-sends the previous turn's result after each new prompt, and earlier events after the call ended.</summary>
    public bool ReplayStaleEvents { get; set; }

    public ConcurrentQueue<string> Failures { get; } = new();

    public async Task PlayAsync(FakeAcsCall call, CalleeScript script)
    {
        var sent = new List<object>();
        try
        {
            if (script.AnswerGate is { } gate)
            {
                await gate;
            }

            if (script.Kind is CalleeKind.Busy or CalleeKind.NoAnswer)
            {
                call.TryEnd();
                await SendAsync(call, sent, Event(call, "CreateCallFailed", call.CreateContext, script.Kind == CalleeKind.Busy ? 486 : 408, 0));
                return;
            }

            call.Connect();
            await SendAsync(call, sent, Event(call, "CallConnected", call.CreateContext, 200, 0));
            IReadOnlyList<string> lines = script.Kind == CalleeKind.Machine ? [Greeting] : script.Lines;
            await ConverseAsync(call, lines, sent, script);
        }
        catch (Exception ex)
        {
            Failures.Enqueue($"{call.Id}: {ex.Message}");
            call.TryEnd();
        }
    }

    /// <summary>Posts a callback body as ACS would (with a valid JWT unless one is given); returns the answer.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, object body, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (bearer != "")
        {
            request.Headers.Authorization = new("Bearer", bearer ?? acs.IssueToken());
        }

        return await _http.SendAsync(request);
    }

    /// <summary>A CloudEvent as Call Automation sends it.</summary>
    public static Dictionary<string, object?> Event(FakeAcsCall call, string type, string? context, int code, int subCode, object? extra = null)
    {
        var data = new Dictionary<string, object?>
        {
            ["callConnectionId"] = call.Id,
            ["serverCallId"] = "server-" + call.Id,
            ["correlationId"] = "corr-" + call.Id,
            ["operationContext"] = context,
            ["resultInformation"] = new { code, subCode, message = type },
        };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                data[property.Name] = property.Value;
            }
        }

        return new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = $"calling/callConnections/{call.Id}",
            ["type"] = $"Microsoft.Communication.{type}",
            ["specversion"] = "1.0",
            ["datacontenttype"] = "application/json",
            ["time"] = DateTimeOffset.UtcNow,
            ["subject"] = $"calling/callConnections/{call.Id}",
            ["data"] = data,
        };
    }

    private async Task ConverseAsync(FakeAcsCall call, IReadOnlyList<string> lines, List<object> sent, CalleeScript script)
    {
        var next = 0;
        object? previousResult = null;
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            var action = await call.Actions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            switch (action.Kind)
            {
                case "recognize":
                    if (action.Body.TryGetProperty("playPrompt", out var prompt))
                    {
                        Say(call, prompt);
                    }

                    if (ReplayStaleEvents && previousResult is not null)
                    {
                        await SendAsync(call, sent, previousResult);
                    }

                    var line = next < lines.Count ? lines[next++] : "";
                    var result = line.Length > 0
                        ? Event(call, "RecognizeCompleted", action.Context, 200, 8533, new { recognitionType = "speech", speechResult = new { speech = line, confidence = 0.9 } })
                        : Event(call, "RecognizeFailed", action.Context, 400, 8510);
                    previousResult = result;
                    await SendAsync(call, sent, result);
                    break;
                case "play":
                    foreach (var source in action.Body.GetProperty("playSources").EnumerateArray())
                    {
                        Say(call, source);
                    }

                    await SendAsync(call, sent, Event(call, "PlayStarted", action.Context, 200, 0));
                    await SendAsync(call, sent, Event(call, "PlayCompleted", action.Context, 200, 0));
                    break;
                case "transferToParticipant" when script.Transfer == "completed":
                    // The person takes the call; this host's leg leaves it.
                    await SendAsync(call, sent, Event(call, "CallTransferAccepted", action.Context, 202, 0));
                    call.TryEnd();
                    await SendAsync(call, sent, Event(call, "CallDisconnected", call.CreateContext, 200, 0));
                    return;
                case "transferToParticipant":
                    var code = script.Transfer switch { "busy" => 486, "no-answer" => 408, _ => 500 };
                    await SendAsync(call, sent, Event(call, "CallTransferFailed", action.Context, code, 0));
                    break;
                case "terminate":
                    await SendAsync(call, sent, Event(call, "CallDisconnected", call.CreateContext, 200, 0));
                    if (ReplayStaleEvents)
                    {
                        // Late arrivals after the end: the answer and the first result again.
                        foreach (var late in sent.Take(2).ToList())
                        {
                            await SendAsync(call, sent, late);
                        }
                    }

                    return;
            }
        }

        Failures.Enqueue($"{call.Id}: the conversation did not end in {MaxTurns} turns");
    }

    private static void Say(FakeAcsCall call, JsonElement source)
    {
        lock (call.Said)
        {
            call.Said.Add(source.GetProperty("text").GetProperty("text").GetString()!);
        }
    }

    private async Task SendAsync(FakeAcsCall call, List<object> sent, object callbackEvent)
    {
        sent.Add(callbackEvent);
        for (var copy = 0; copy < (DuplicateEvents ? 2 : 1); copy++)
        {
            using var response = await PostAsync(call.CallbackUri, new[] { callbackEvent });
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"callback: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    public void Dispose() => _http.Dispose();
}
