using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using System.Xml.Linq;

namespace Campaign.Tests.Twilio;

/// <summary>Plays the person (or machine) Twilio connected: posts signed webhooks and follows the TwiML answers.</summary>
public sealed class FakeCallee(string authToken) : IDisposable
{
    private const int MaxTurns = 20;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>Twilio may repeat status callbacks; the fake always does.</summary>
    public bool DuplicateStatusCallbacks { get; set; } = true;

    /// <summary>Callbacks can arrive late: after the end, a stale "ringing" and "in-progress" are posted too.</summary>
    public bool LateStatusCallbacks { get; set; }

    /// <summary>
    /// Delivers every Gather result twice at once, as Twilio does when it retries a webhook that seemed to time out;
    /// the two answers must be the same TwiML, and the call follows the second. The Voice webhook comes twice too.
    /// </summary>
    public bool DuplicateGathers { get; set; }

    public ConcurrentQueue<string> Failures { get; } = new();

    public async Task PlayAsync(FakeCall call, CalleeScript script)
    {
        try
        {
            await StatusAsync(call, "initiated");
            call.SetStatus("ringing");
            await StatusAsync(call, "ringing");
            if (script.AnswerGate is { } gate)
            {
                await gate;
            }

            if (script.Kind is CalleeKind.Busy or CalleeKind.NoAnswer)
            {
                await EndAsync(call, script.Kind == CalleeKind.Busy ? "busy" : "no-answer");
                return;
            }

            call.SetStatus("in-progress");
            await StatusAsync(call, "in-progress");
            var twiml = await PostMaybeTwiceAsync(call, call.Field("Url"), Fields(call, "in-progress"));
            if (script.Kind == CalleeKind.Machine)
            {
                await PostAsync(call.Field("AsyncAmdStatusCallback"), [.. Fields(call, "in-progress"), new("AnsweredBy", "machine_end_beep"), new("MachineDetectionDuration", "4200")]);
                await Task.WhenAny(call.Ended, Task.Delay(TimeSpan.FromSeconds(5)));
            }
            else
            {
                await ConverseAsync(call, script, twiml);
            }

            await EndAsync(call, "completed");
        }
        catch (Exception ex)
        {
            Failures.Enqueue($"{call.Sid}: {ex.Message}");
            await EndAsync(call, "failed");
        }
    }

    public async Task EndAsync(FakeCall call, string status)
    {
        if (call.TryEnd(status))
        {
            await StatusAsync(call, status);
            if (LateStatusCallbacks)
            {
                await PostAsync(call.Field("StatusCallback"), Fields(call, "ringing"));
                await PostAsync(call.Field("StatusCallback"), Fields(call, "in-progress"));
            }
        }
    }

    /// <summary>Posts a webhook as Twilio would, or with the given signature; returns the answer.</summary>
    public async Task<HttpResponseMessage> SendAsync(string url, IReadOnlyList<KeyValuePair<string, string>> form, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Sign(authToken, url, form));
        return await _http.SendAsync(request);
    }

    public static List<KeyValuePair<string, string>> Fields(FakeCall call, string status) =>
    [
        new("AccountSid", FakeTwilio.AccountSid),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", call.Sid),
        new("CallStatus", status),
        new("Direction", "outbound-api"),
        new("From", call.Field("From")),
        new("To", call.To),
    ];

    private async Task ConverseAsync(FakeCall call, CalleeScript script, string twiml)
    {
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            var response = XDocument.Parse(twiml).Root!;
            lock (call.Said)
            {
                call.Said.AddRange(response.Descendants("Say").Select(s => s.Value));
            }

            if (response.Element("Connect") is { } connect && connect.Element("ConversationRelay") is { } relay)
            {
                // As Twilio does when the session ends: the Connect's action is asked what next, with the handoff data.
                var handoff = await RelayAsync(call, script, relay);
                if (handoff is null || connect.Attribute("action")?.Value is not { } after)
                {
                    return;
                }

                var ended = Fields(call, "in-progress");
                ended.Add(new("SessionStatus", "ended"));
                ended.Add(new("HandoffData", handoff));
                twiml = await PostAsync(after, ended);
                continue;
            }

            // A goodbye may listen for last words (a Gather before the Hangup): Twilio posts only what was said in it.
            var lastLine = turn < script.Lines.Count ? script.Lines[turn] : "";
            if (response.Element("Hangup") is not null && (response.Element("Gather") is null || lastLine.Length == 0))
            {
                return;
            }

            if (response.Element("Dial") is { } dial)
            {
                twiml = await DialAsync(call, script, dial);
                continue;
            }

            var action = response.Element("Gather")?.Attribute("action")?.Value ?? response.Element("Redirect")!.Value;
            var line = turn < script.Lines.Count ? script.Lines[turn] : "";
            var form = Fields(call, "in-progress");
            if (line.Length > 0)
            {
                form.Add(new("SpeechResult", line));
                form.Add(new("Confidence", "0.92"));
            }

            twiml = await PostMaybeTwiceAsync(call, action, form);
        }

        Failures.Enqueue($"{call.Sid}: the conversation did not end in {MaxTurns} turns");
    }

    /// <summary>
    /// A transfer: the person's number rings; when it answers, the whisper URL is asked for TwiML on the person's leg
    /// (its own CallSid and To), then the two talk until the script's gate opens; the Dial's action gets the result.
    /// </summary>
    private async Task<string> DialAsync(FakeCall call, CalleeScript script, XElement dial)
    {
        lock (call.Dials)
        {
            call.Dials.Add(dial.ToString());
        }

        var number = dial.Element("Number")!;
        var childSid = "CA" + Guid.NewGuid().ToString("N");
        if (script.Transfer == "completed")
        {
            if (number.Attribute("url")?.Value is { } whisperUrl)
            {
                List<KeyValuePair<string, string>> leg =
                [
                    new("AccountSid", FakeTwilio.AccountSid), new("CallSid", childSid), new("ParentCallSid", call.Sid), new("CallStatus", "in-progress"),
                    new("Direction", "outbound-dial"), new("From", call.Field("From")), new("To", number.Value.Trim()),
                ];
                var whisper = await PostAsync(whisperUrl, leg);
                lock (call.Whispers)
                {
                    call.Whispers.Add(whisper);
                }
            }

            if (script.TransferGate is { } gate)
            {
                await gate.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }

        var form = Fields(call, "in-progress");
        form.Add(new("DialCallStatus", script.Transfer));
        form.Add(new("DialCallSid", childSid));
        form.Add(new("DialCallDuration", script.Transfer == "completed" ? "42" : "0"));
        return await PostAsync(dial.Attribute("action")!.Value, form);
    }

    private async Task<string> PostMaybeTwiceAsync(FakeCall call, string url, List<KeyValuePair<string, string>> form)
    {
        if (!DuplicateGathers)
        {
            return await PostAsync(url, form);
        }

        var answers = await Task.WhenAll(PostAsync(url, form), PostAsync(url, form));
        if (answers[0] != answers[1])
        {
            Failures.Enqueue($"{call.Sid}: a repeated webhook got another answer: {answers[0]} then {answers[1]}");
        }

        return answers[1];
    }

    /// <summary>The relay conversation; the <c>end</c> message's handoff data when there is one.</summary>
    private async Task<string?> RelayAsync(FakeCall call, CalleeScript script, XElement relay)
    {
        var url = relay.Attribute("url")!.Value;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignature.Sign(authToken, url, []));
        await socket.ConnectAsync(new Uri(url), CancellationToken.None);
        var messages = Channel.CreateUnbounded<JsonElement>();
        _ = ReadAllAsync(socket, messages.Writer);

        var parameters = relay.Elements("Parameter").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        await SendAsync(socket, new { type = "setup", sessionId = "VX" + Guid.NewGuid().ToString("N"), accountSid = FakeTwilio.AccountSid, callSid = call.Sid, from = call.Field("From"), to = call.To, direction = "outbound-api", callStatus = "IN-PROGRESS", customParameters = parameters });
        JsonElement? early = null;
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            var said = new StringBuilder();
            var tokens = 0;
            var interrupted = false;
            while (true)
            {
                var message = early ?? await messages.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                early = null;
                if (message.GetProperty("type").GetString() == "end")
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return Handoff(message);
                }

                var token = message.GetProperty("token").GetString();
                said.Append(token);
                tokens += token is { Length: > 0 } ? 1 : 0;
                if (message.GetProperty("last").GetBoolean())
                {
                    break;
                }

                if (script.TalkOverReply == turn && tokens == 1 && turn < script.Lines.Count)
                {
                    // No interrupt message: the next prompt simply arrives while the reply is still being sent.
                    await SendAsync(socket, new { type = "prompt", voicePrompt = script.Lines[turn], lang = "en-US", last = true });
                    turn++;
                    continue;
                }

                if (script.InterruptReply == turn && tokens == 1)
                {
                    await SendAsync(socket, new { type = "interrupt", utteranceUntilInterrupt = said.ToString(), durationUntilInterruptMs = 700 });
                    interrupted = true;
                    break;
                }
            }

            lock (call.Said)
            {
                call.Said.Add(said.ToString());
                call.TokensPerReply.Add(tokens);
            }

            if (interrupted)
            {
                // Whatever the host had already sent of the interrupted reply is not heard.
                while (await NextWithinAsync(messages.Reader, TimeSpan.FromMilliseconds(500)) is { } stale)
                {
                    if (stale.GetProperty("type").GetString() == "end")
                    {
                        Failures.Enqueue($"{call.Sid}: the host hung up after an interruption");
                        return null;
                    }
                }
            }

            // A hang-up follows its last words at once, or a few seconds later when the goodbye listens for last words
            // and the callee has nothing more to say.
            else if (await NextWithinAsync(messages.Reader, TimeSpan.FromMilliseconds(turn < script.Lines.Count ? 300 : 10_000)) is { } next)
            {
                if (next.GetProperty("type").GetString() == "end")
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return Handoff(next);
                }

                // The next reply already started (the callee talked over this one): it is heard next.
                early = next;
            }

            var line = turn < script.Lines.Count ? script.Lines[turn] : "";
            await SendAsync(socket, new { type = "prompt", voicePrompt = line, lang = "en-US", last = true });
        }

        Failures.Enqueue($"{call.Sid}: the relay conversation did not end in {MaxTurns} turns");
        return null;
    }

    private static string? Handoff(JsonElement end) =>
        end.TryGetProperty("handoffData", out var data) && data.ValueKind == JsonValueKind.String ? data.GetString() : null;

    private static async Task<JsonElement?> NextWithinAsync(ChannelReader<JsonElement> reader, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task ReadAllAsync(WebSocket socket, ChannelWriter<JsonElement> writer)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private static Task SendAsync(WebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private async Task StatusAsync(FakeCall call, string status)
    {
        var form = Fields(call, status);
        await PostAsync(call.Field("StatusCallback"), form);
        if (DuplicateStatusCallbacks && status is "ringing" or "completed" or "busy" or "no-answer")
        {
            await PostAsync(call.Field("StatusCallback"), form);
        }
    }

    private async Task<string> PostAsync(string url, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        using var response = await SendAsync(url, form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {body}");
        }

        return body;
    }

    public void Dispose() => _http.Dispose();
}
