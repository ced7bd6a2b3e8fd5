using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;

namespace Campaign.Telephony.Acs;

/// <summary>
/// Drives a call's turns from Call Automation events: the answer opens the conversation, each recognition result is
/// the callee's turn (words said over a goodbye too), the end of the last words hangs up, and a disconnect or failed create ends the call. Events
/// carry the operation context of the action they report, so a repeated or late event for a turn already handled
/// changes nothing and requests no second action, and one that names another call is dropped.
/// </summary>
internal sealed partial class AcsCallbackHandler(
    IGrainFactory grains,
    AcsTelephony telephony,
    AcsOptions options,
    IScriptSource scripts,
    ILogger<AcsCallbackHandler> logger)
{
    public async Task HandleAsync(string callId, AcsCallbackEvent callbackEvent)
    {
        if (callbackEvent.Context is { } named && named.CallId != callId)
        {
            LogForeignEvent(logger, callId, callbackEvent.Type);
            return;
        }

        var grain = grains.GetGrain<ICallGrain>(callId);
        var connectionId = callbackEvent.CallConnectionId;
        switch (callbackEvent.Type, callbackEvent.Context)
        {
            case ("CallConnected", { Step: AcsStep.Dial } dial) when connectionId is not null:
                var opening = await grain.OnEventAsync(new CallEvent(CallEventKind.Answered));
                if (!opening.Repeat)
                {
                    await ApplyAsync(connectionId, opening, dial with { Voice = await VoiceAsync(grain) });
                }

                break;
            case ("CallConnected", null) when connectionId is not null:
                // Without the context this host set on the create, the callee's number and turn are unknown: rather
                // than leave a silent line, end it.
                LogNoContext(logger, callId);
                await HangUpQuietlyAsync(connectionId, callId);
                break;
            case ("RecognizeCompleted", { Step: AcsStep.Turn } turn) when connectionId is not null:
                var heard = options.VoicemailGreetingDetection && AcsVoicemailGreeting.IsGreeting(callbackEvent.Speech, turn.Turn)
                    ? new CallEvent(CallEventKind.MachineAnswered, Turn: turn.Turn)
                    : AcsCallEvents.FromSpeech(callbackEvent.Speech, turn.Turn);
                await RespondAsync(grain, connectionId, heard, turn);
                break;
            case ("RecognizeFailed", { Step: AcsStep.Turn } turn) when connectionId is not null:
                LogNotRecognised(logger, callId, callbackEvent.ResultCode, callbackEvent.ResultSubCode);
                await RespondAsync(grain, connectionId, AcsCallEvents.FromSpeech(null, turn.Turn), turn);
                break;
            case ("RecognizeCompleted", { Step: AcsStep.LastWords } lastWords) when connectionId is not null:
                await RespondAsync(grain, connectionId, AcsCallEvents.FromSpeech(callbackEvent.Speech, lastWords.Turn), lastWords);
                break;
            case ("RecognizeFailed", { Step: AcsStep.LastWords } lastWords) when connectionId is not null:
                // Nothing said over the goodbye: the call ends as it was.
                await ApplyAsync(connectionId, CallInstruction.SayAndHangUp(null), lastWords);
                break;
            case ("PlayCompleted" or "PlayFailed", { Step: AcsStep.Goodbye } goodbye) when connectionId is not null:
                await ApplyAsync(connectionId, CallInstruction.SayAndHangUp(null), goodbye);
                break;
            case ("PlayCompleted" or "PlayFailed", { Step: AcsStep.Transfer } handOver) when connectionId is not null:
                await TransferAsync(grain, connectionId, handOver);
                break;
            case ("CallTransferAccepted", { Step: AcsStep.Transfer }):
                // The person has the customer; ACS drops this host's leg next (CallDisconnected ends the call here).
                var taken = await grain.GetAsync();
                await grain.OnEventAsync(new CallEvent(CallEventKind.Transfer, Transfer: TransferResult.Connected, Party: taken?.Transfer?.Number));
                break;
            case ("CallTransferFailed", { Step: AcsStep.Transfer } failed) when connectionId is not null:
                LogTransferFailed(logger, callId, callbackEvent.ResultCode, callbackEvent.ResultSubCode);
                await RespondAsync(grain, connectionId, new CallEvent(CallEventKind.Transfer, Transfer: AcsCallEvents.TransferFailure(callbackEvent.ResultCode)), failed);
                break;
            case ("CallDisconnected", _):
                await grain.OnEventAsync(new CallEvent(CallEventKind.Ended, EndReason: CallEndReason.Completed));
                break;
            case ("CreateCallFailed", _):
                LogCreateFailed(logger, callId, callbackEvent.ResultCode, callbackEvent.ResultSubCode);
                await grain.OnEventAsync(new CallEvent(CallEventKind.Ended, EndReason: AcsCallEvents.CreateFailureReason(callbackEvent.ResultCode)));
                break;
        }
    }

    /// <summary>Hands the callee's turn (words or silence) to the grain; the conversation decides when silence ends the call.</summary>
    private async Task RespondAsync(ICallGrain grain, string connectionId, CallEvent heard, AcsOperationContext turn)
    {
        var instruction = await grain.OnEventAsync(heard);
        if (instruction.Repeat)
        {
            // Its action was requested when the event first came; requesting it again would play the reply twice.
            return;
        }

        await ApplyAsync(connectionId, instruction, turn);
    }

    /// <summary>
    /// The hand-over line has been played: the call goes to the person's number. A transfer ACS refuses is a failed
    /// transfer (the agent apologises and ends the call), not a silent line.
    /// </summary>
    private async Task TransferAsync(ICallGrain grain, string connectionId, AcsOperationContext handOver)
    {
        var call = await grain.GetAsync();
        if (call?.Transfer is not { Result: TransferResult.Pending } transfer || call.Status == CallStatus.Ended)
        {
            return;
        }

        try
        {
            await telephony.TransferAsync(connectionId, transfer.Number, handOver);
        }
        catch (Exception ex) when (ex is AcsRequestException or HttpRequestException or TaskCanceledException)
        {
            LogActionFailed(logger, handOver.CallId, ex.Message);
            await RespondAsync(grain, connectionId, new CallEvent(CallEventKind.Transfer, Transfer: TransferResult.Failed), handOver);
        }
    }

    /// <summary>Carries out the instruction; if ACS refuses it on a live call, the line is hung up rather than left silent.</summary>
    private async Task ApplyAsync(string connectionId, CallInstruction instruction, AcsOperationContext context)
    {
        try
        {
            await telephony.ApplyAsync(connectionId, instruction, context);
        }
        catch (AcsRequestException ex) when (ex.Status == System.Net.HttpStatusCode.NotFound)
        {
            LogCallGone(logger, context.CallId);
        }
        catch (Exception ex) when (ex is AcsRequestException or HttpRequestException or TaskCanceledException)
        {
            LogActionFailed(logger, context.CallId, ex.Message);
            if (!instruction.HangUp || !string.IsNullOrWhiteSpace(instruction.Say))
            {
                await HangUpQuietlyAsync(connectionId, context.CallId);
            }
        }
    }

    private async Task HangUpQuietlyAsync(string connectionId, string callId)
    {
        try
        {
            await telephony.HangUpAsync(callId, connectionId);
        }
        catch (Exception ex) when (ex is AcsRequestException or HttpRequestException or TaskCanceledException)
        {
            LogActionFailed(logger, callId, ex.Message);
        }
    }

    /// <summary>The voice for the call's script language; read once, when the call is answered, then carried in the operation context.</summary>
    private async Task<AcsVoice> VoiceAsync(ICallGrain grain)
    {
        var record = await grain.GetAsync();
        var script = record?.ScriptId is { } scriptId ? (await scripts.GetAsync(scriptId, record.ScriptVersion))?.Definition : null;
        return AcsVoices.For(options, script?.Language ?? ScriptLimits.DefaultLanguage, script?.Voice);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: an ACS {EventType} event names another call; ignored")]
    private static partial void LogForeignEvent(ILogger logger, string callId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: ACS reported the answer without the operation context; hanging up")]
    private static partial void LogNoContext(ILogger logger, string callId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: nothing recognised (code {Code}, sub-code {SubCode})")]
    private static partial void LogNotRecognised(ILogger logger, string callId, int? code, int? subCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: ACS could not create the call (code {Code}, sub-code {SubCode})")]
    private static partial void LogCreateFailed(ILogger logger, string callId, int? code, int? subCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: ACS could not transfer the call (code {Code}, sub-code {SubCode})")]
    private static partial void LogTransferFailed(ILogger logger, string callId, int? code, int? subCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: ACS no longer has the call")]
    private static partial void LogCallGone(ILogger logger, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: an ACS action failed: {Reason}")]
    private static partial void LogActionFailed(ILogger logger, string callId, string reason);
}
