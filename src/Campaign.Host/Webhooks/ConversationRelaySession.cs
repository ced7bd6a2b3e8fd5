using System.Net.WebSockets;
using System.Text.Json;
using Campaign.Abstractions.Calls;
using Campaign.Telephony.Twilio;

namespace Campaign.Host.Webhooks;

/// <summary>
/// One ConversationRelay connection. Replies stream back token by token while the socket keeps listening, so an
/// <c>interrupt</c> (the callee spoke over the agent) stops the reply at once, and the call grain records only what
/// the callee heard of it. A new <c>prompt</c> also stops a reply still in flight.
/// </summary>
internal sealed partial class ConversationRelaySession(RelaySocket socket, IGrainFactory grains, ILogger logger, string callId)
{
    private CancellationTokenSource? _replying;
    private Task _reply = Task.CompletedTask;

    public async Task RunAsync(CancellationToken aborted)
    {
        try
        {
            while (await socket.ReceiveAsync(aborted) is { } message)
            {
                await HandleAsync(message, aborted);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or JsonException or OperationCanceledException)
        {
            LogRelayClosed(logger, callId, ex.Message);
        }
        finally
        {
            await StopReplyAsync();
        }
    }

    private async Task HandleAsync(string message, CancellationToken aborted)
    {
        using var json = JsonDocument.Parse(message);
        var root = json.RootElement;
        switch (root.TryGetProperty("type", out var type) ? type.GetString() : null)
        {
            case "setup":
                if (root.TryGetProperty("customParameters", out var custom) && custom.TryGetProperty("callId", out var id) && id.GetString() is { Length: > 0 } fromSetup)
                {
                    callId = fromSetup;
                }

                await StartReplyAsync(new CallEvent(CallEventKind.Answered), aborted);
                break;
            case "prompt" when !root.TryGetProperty("last", out var last) || last.ValueKind != JsonValueKind.False:
                await StartReplyAsync(TwilioCallEvents.FromSpeech(root.TryGetProperty("voicePrompt", out var prompt) ? prompt.GetString() : null), aborted);
                break;
            case "interrupt":
                await StopReplyAsync();
                if (callId.Length > 0)
                {
                    var heard = root.TryGetProperty("utteranceUntilInterrupt", out var utterance) ? utterance.GetString() : null;
                    await grains.GetGrain<ICallGrain>(callId).OnEventAsync(new CallEvent(CallEventKind.Interrupted, heard));
                }

                break;
            case "dtmf":
                LogKeypad(logger, callId, root.TryGetProperty("digit", out var digit) ? digit.GetString() : null);
                break;
            case "error":
                LogRelayError(logger, callId, root.TryGetProperty("description", out var description) ? description.GetString() : null);
                break;
        }
    }

    private async Task StartReplyAsync(CallEvent callEvent, CancellationToken aborted)
    {
        await StopReplyAsync();
        if (callId.Length == 0)
        {
            return;
        }

        _replying = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _reply = ReplyAsync(callEvent, _replying.Token);
    }

    /// <summary>Cancels the reply in flight and waits until the call grain has settled the turn.</summary>
    private async Task StopReplyAsync()
    {
        if (_replying is null)
        {
            return;
        }

        await _replying.CancelAsync();
        await _reply;
        _replying.Dispose();
        _replying = null;
    }

    private async Task ReplyAsync(CallEvent callEvent, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var token in grains.GetGrain<ICallGrain>(callId).ConverseAsync(callEvent, cancellationToken).WithCancellation(cancellationToken))
            {
                if (!token.Last)
                {
                    await socket.SendAsync(new { type = "text", token = token.Text, last = false }, cancellationToken);
                    continue;
                }

                await socket.SendAsync(new { type = "text", token = "", last = true }, cancellationToken);
                if (token.HangUp)
                {
                    await socket.SendAsync(new { type = "end" }, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            LogReplyStopped(logger, callId, ex.GetType().Name);
        }
        catch (Exception ex)
        {
            LogReplyFailed(logger, callId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: ConversationRelay reported an error: {Description}")]
    private static partial void LogRelayError(ILogger logger, string callId, string? description);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: ConversationRelay socket closed: {Reason}")]
    private static partial void LogRelayClosed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: the reply stopped early ({Reason})")]
    private static partial void LogReplyStopped(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the reply could not be streamed: {Reason}")]
    private static partial void LogReplyFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: keypad digit {Digit} ignored")]
    private static partial void LogKeypad(ILogger logger, string callId, string? digit);
}
