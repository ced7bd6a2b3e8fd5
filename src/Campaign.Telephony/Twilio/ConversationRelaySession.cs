using System.Net.WebSockets;
using System.Text;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Telemetry;

namespace Campaign.Telephony.Twilio;

/// <summary>
/// One ConversationRelay connection. Replies stream back token by token while the socket keeps listening, so an
/// <c>interrupt</c> (the callee spoke over the agent) stops the reply at once, and the call grain records only what
/// the callee heard of it. A new <c>prompt</c> also stops a reply still in flight, and the transcript keeps only what
/// had been sent of it. The call is the one the signed URL names; messages that are not JSON or have wrongly typed
/// fields are logged and refused.
/// </summary>
internal sealed partial class ConversationRelaySession(RelaySocket socket, IGrainFactory grains, ILogger logger, string callId)
{
    private readonly StringBuilder _sent = new();
    private CancellationTokenSource? _replying;
    private Task _reply = Task.CompletedTask;
    private bool _replyEnded;
    private bool _hungUp;

    public async Task RunAsync(CancellationToken aborted)
    {
        try
        {
            while (await socket.ReceiveAsync(aborted) is { } message)
            {
                await HandleAsync(message, aborted);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            LogRelayClosed(logger, callId, ex.Message);
        }
        finally
        {
            await StopReplyAsync();
        }
    }

    private async Task HandleAsync(string text, CancellationToken aborted)
    {
        if (RelayMessage.Parse(text) is not { } message)
        {
            LogRefused(logger, callId, text.Length > 80 ? text[..80] : text);
            return;
        }

        switch (message.Type)
        {
            case "setup":
                // The signed URL says which call this socket drives; a parameter in the message cannot change it.
                if (message.CallIdParameter is { Length: > 0 } named && named != callId)
                {
                    LogForeignSetup(logger, callId);
                }

                await StartReplyAsync(new CallEvent(CallEventKind.Answered), aborted);
                break;
            case "prompt" when _hungUp:
                // The line is being closed after the last words: nobody will hear an answer to this.
                LogAfterEnd(logger, callId);
                break;
            case "prompt" when message.Last != false:
                // The callee spoke before the reply in flight was all sent: what they heard is what went out.
                if (await StopReplyAsync() is { } cut)
                {
                    await grains.GetGrain<ICallGrain>(callId).OnEventAsync(new CallEvent(CallEventKind.Interrupted, cut));
                }

                await StartReplyAsync(TwilioCallEvents.FromSpeech(message.VoicePrompt), aborted);
                break;
            case "interrupt":
                await StopReplyAsync();
                await grains.GetGrain<ICallGrain>(callId).OnEventAsync(new CallEvent(CallEventKind.Interrupted, message.UtteranceUntilInterrupt));
                break;
            case "dtmf":
                LogKeypad(logger, callId, message.Digit);
                break;
            case "error":
                LogRelayError(logger, callId, message.Description);
                break;
        }
    }

    private async Task StartReplyAsync(CallEvent callEvent, CancellationToken aborted)
    {
        await StopReplyAsync();
        _replying = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _sent.Clear();
        _replyEnded = false;
        _reply = ReplyAsync(callEvent, _replying.Token);
    }

    /// <summary>
    /// Cancels the reply in flight and waits until the call grain has settled the turn; returns what had been sent of
    /// it when it was cut before its end, null when there was none or it had ended.
    /// </summary>
    private async Task<string?> StopReplyAsync()
    {
        if (_replying is null)
        {
            return null;
        }

        await _replying.CancelAsync();
        await _reply;
        _replying.Dispose();
        _replying = null;
        return _replyEnded ? null : _sent.ToString();
    }

    private async Task ReplyAsync(CallEvent callEvent, CancellationToken cancellationToken)
    {
        // The socket lasts the whole call: each streamed turn is a trace of its own, linked to the socket's request.
        using var activity = CampaignTelemetry.StartRoot("relay turn", System.Diagnostics.ActivityKind.Server);
        activity?.SetTag("campaign.call.id", callId);
        try
        {
            await foreach (var token in grains.GetGrain<ICallGrain>(callId).ConverseAsync(callEvent, cancellationToken).WithCancellation(cancellationToken))
            {
                if (!token.Last)
                {
                    await socket.SendAsync(new { type = "text", token = token.Text, last = false }, cancellationToken);
                    _sent.Append(token.Text);
                    continue;
                }

                await socket.SendAsync(new { type = "text", token = "", last = true }, cancellationToken);
                _replyEnded = true;
                if (token is { HangUp: true, ListensAfter: true })
                {
                    // The line stays open a moment for last words once the goodbye has been spoken (Twilio says the
                    // tokens as they come, so the wait covers their speaking time): a prompt in it stops this wait and is
                    // the next turn.
                    await Task.Delay(LastWords.AfterHandingOver(_sent.ToString()), cancellationToken);
                }

                if (token.Transfer || token.HangUp)
                {
                    // After a hand-over Twilio asks the Connect's action what next: the Dial to the person.
                    _hungUp = true;
                    object end = token.Transfer ? new { type = "end", handoffData = RelayHandoff.Transfer } : new { type = "end" };
                    await socket.SendAsync(end, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: a ConversationRelay message that is not valid JSON or has wrongly typed fields was refused: {Start}")]
    private static partial void LogRefused(ILogger logger, string callId, string start);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: a prompt after the end of the call was ignored")]
    private static partial void LogAfterEnd(ILogger logger, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the relay setup names another call; the socket stays with the call its URL was signed for")]
    private static partial void LogForeignSetup(ILogger logger, string callId);

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
