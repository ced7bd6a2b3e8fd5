using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Campaign.Abstractions.Calls;
using Campaign.Telephony.Twilio;

namespace Campaign.Host.Webhooks;

/// <summary>
/// The ConversationRelay WebSocket: Twilio transcribes the callee and speaks our text. <c>setup</c> is the answer,
/// a final <c>prompt</c> is the callee's turn; replies go back as <c>text</c> tokens and <c>end</c> hangs up.
/// </summary>
internal static partial class ConversationRelayEndpoint
{
    private const int MaxMessageBytes = 64 * 1024;

    public static async Task<IResult> RunAsync(HttpContext http, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: "This endpoint takes a WebSocket.");
        }

        var logger = loggers.CreateLogger(typeof(ConversationRelayEndpoint).FullName!);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var callId = http.Request.Query["callId"].ToString();
        var cancel = http.RequestAborted;
        try
        {
            while (await ReceiveAsync(socket, cancel) is { } message)
            {
                using var json = JsonDocument.Parse(message);
                var root = json.RootElement;
                var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
                CallEvent? callEvent = null;
                switch (type)
                {
                    case "setup":
                        if (root.TryGetProperty("customParameters", out var custom) && custom.TryGetProperty("callId", out var id) && id.GetString() is { Length: > 0 } fromSetup)
                        {
                            callId = fromSetup;
                        }

                        callEvent = new CallEvent(CallEventKind.Answered);
                        break;
                    case "prompt" when !root.TryGetProperty("last", out var last) || last.ValueKind != JsonValueKind.False:
                        callEvent = TwilioCallEvents.FromSpeech(root.TryGetProperty("voicePrompt", out var prompt) ? prompt.GetString() : null);
                        break;
                    case "error":
                        LogRelayError(logger, callId, root.TryGetProperty("description", out var description) ? description.GetString() : null);
                        break;
                }

                if (callEvent is null || callId.Length == 0)
                {
                    continue;
                }

                var instruction = await grains.GetGrain<ICallGrain>(callId).OnEventAsync(callEvent);
                await ReplyAsync(socket, instruction, cancel);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or JsonException or OperationCanceledException)
        {
            LogRelayClosed(logger, callId, ex.Message);
        }

        return Results.Empty;
    }

    /// <summary>Speaks the reply word by word (the conversation port does not stream yet) and ends the session on a hang-up.</summary>
    private static async Task ReplyAsync(WebSocket socket, CallInstruction instruction, CancellationToken cancel)
    {
        var words = (instruction.Say ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var last = i == words.Length - 1;
            await SendAsync(socket, new { type = "text", token = last ? words[i] : words[i] + " ", last }, cancel);
        }

        if (instruction.HangUp)
        {
            await SendAsync(socket, new { type = "end" }, cancel);
        }
    }

    private static Task SendAsync(WebSocket socket, object message, CancellationToken cancel) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancel);

    private static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken cancel)
    {
        var buffer = new byte[8 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancel);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel);
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, null, cancel);
                return null;
            }

            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: ConversationRelay reported an error: {Description}")]
    private static partial void LogRelayError(ILogger logger, string callId, string? description);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: ConversationRelay socket closed: {Reason}")]
    private static partial void LogRelayClosed(ILogger logger, string callId, string reason);
}
