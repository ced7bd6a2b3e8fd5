using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Telephony;
using Microsoft.Extensions.Logging;

namespace Campaign.Telephony.Acs;

/// <summary>
/// Places and ends calls through Call Automation, and carries out the call grain's instructions on a live call:
/// text to say and listen for becomes a recognize with the prompt played inside it; last words become a play, and
/// the line is hung up when it completes.
/// </summary>
public sealed partial class AcsTelephony(AcsCallAutomationClient client, AcsOptions options, AcsCallbackUrls urls, ILogger<AcsTelephony> logger) : ITelephony
{
    public async Task<string> PlaceCallAsync(PlaceCallRequest request, CancellationToken cancellationToken = default)
    {
        var from = string.IsNullOrWhiteSpace(request.From) ? options.FromNumber : request.From;
        var connection = await client.CreateCallAsync(
            new AcsCreateCallRequest(
                [AcsIdentifier.Phone(request.To)],
                new AcsPhoneNumber(from),
                urls.Events(request.CallId).AbsoluteUri,
                AcsOperationContext.Dial(request.CallId, request.To).Format(),
                new AcsCallIntelligenceOptions(options.CognitiveServicesEndpoint + "/")),
            cancellationToken);
        LogPlaced(logger, request.CallId, connection.CallConnectionId!);
        return connection.CallConnectionId!;
    }

    public async Task HangUpAsync(string callId, string providerCallId, CancellationToken cancellationToken = default)
    {
        if (!await client.TerminateAsync(providerCallId, cancellationToken))
        {
            LogAlreadyOver(logger, callId);
        }
    }

    public async Task<bool> IsLiveAsync(string callId, string providerCallId, CancellationToken cancellationToken = default) =>
        await client.GetStateAsync(providerCallId, cancellationToken) is { } state && state != "disconnected";

    /// <summary>
    /// Does what the instruction says on the line. <paramref name="context"/> is the step just answered; the next action
    /// carries the following turn.
    /// </summary>
    public async Task ApplyAsync(string callConnectionId, CallInstruction instruction, AcsOperationContext context, CancellationToken cancellationToken = default)
    {
        var voice = context.Voice ?? options.DefaultVoice;
        if (instruction.HangUp)
        {
            if (string.IsNullOrWhiteSpace(instruction.Say))
            {
                await HangUpAsync(context.CallId, callConnectionId, cancellationToken);
                return;
            }

            if (instruction.Listen)
            {
                // The goodbye, then a few seconds to hear last words; a recognition that hears nothing hangs up.
                await RecognizeAsync(callConnectionId, AcsPlaySource.Speak(instruction.Say, voice), context.Next(AcsStep.LastWords), LastWords.Seconds, voice, cancellationToken);
                return;
            }

            var goodbye = context.Next(AcsStep.Goodbye);
            await client.PlayAsync(callConnectionId, new AcsPlayRequest([AcsPlaySource.Speak(instruction.Say, voice)], goodbye.Format()), cancellationToken);
            return;
        }

        if (instruction.TransferTo is not null)
        {
            // The hand-over line first; the transfer follows when it has been played (see TransferAsync).
            var handOver = context.Next(AcsStep.Transfer);
            var line = string.IsNullOrWhiteSpace(instruction.Say) ? " " : instruction.Say;
            await client.PlayAsync(callConnectionId, new AcsPlayRequest([AcsPlaySource.Speak(line, voice)], handOver.Format()), cancellationToken);
            return;
        }

        if (!instruction.Listen)
        {
            return;
        }

        var prompt = string.IsNullOrWhiteSpace(instruction.Say) ? null : AcsPlaySource.Speak(instruction.Say, voice);
        await RecognizeAsync(callConnectionId, prompt, context.Next(AcsStep.Turn), options.InitialSilenceTimeoutSeconds, voice, cancellationToken);
    }

    private Task RecognizeAsync(string callConnectionId, AcsPlaySource? prompt, AcsOperationContext step, int silenceSeconds, AcsVoice voice, CancellationToken cancellationToken) =>
        client.RecognizeAsync(
            callConnectionId,
            new AcsRecognizeRequest(
                "speech",
                prompt,
                new AcsRecognizeOptions(
                    AcsIdentifier.Phone(step.Target),
                    InterruptPrompt: true,
                    silenceSeconds,
                    voice.Locale,
                    new AcsSpeechOptions(options.EndSilenceTimeoutMs)),
                step.Format()),
            cancellationToken);

    /// <summary>
    /// Hands the call to <paramref name="number"/>. ACS cannot say anything to the person before connecting them (there
    /// is no whisper); its <c>CallTransferAccepted</c> or <c>CallTransferFailed</c> event carries <paramref name="context"/>.
    /// </summary>
    public Task TransferAsync(string callConnectionId, string number, AcsOperationContext context, CancellationToken cancellationToken = default) =>
        client.TransferAsync(callConnectionId, new AcsTransferRequest(AcsIdentifier.Phone(number), context.Format()), cancellationToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId} placed with ACS as {CallConnectionId}")]
    private static partial void LogPlaced(ILogger logger, string callId, string callConnectionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: ACS reports the call already over")]
    private static partial void LogAlreadyOver(ILogger logger, string callId);
}
