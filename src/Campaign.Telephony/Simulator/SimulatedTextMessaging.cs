using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Telephony;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaign.Telephony.Simulator;

/// <summary>
/// The simulator's text messages: accepted at once, reported <c>sent</c> then <c>delivered</c> after
/// <c>Telephony:Simulator:TextDeliveryDelay</c> each (real time); one text in twenty, by the number and the seed, is
/// <c>undelivered</c>. The virtual customers in <c>TextStopShare</c> (by number and seed) then reply STOP, so the demo
/// shows an opt-out by text too.
/// </summary>
public sealed partial class SimulatedTextMessaging(
    IGrainFactory grains,
    ITextReplies replies,
    IOptions<SimulatorOptions> options,
    TimeProvider clock,
    ILogger<SimulatedTextMessaging> logger) : ITextMessaging
{
    private const int UndeliveredOneIn = 20;

    public Task<TextAccepted> SendAsync(OutgoingText text, CancellationToken cancellationToken = default)
    {
        _ = Task.Run(() => DeliverAsync(text));
        return Task.FromResult(new TextAccepted($"sim-{text.TextId}", TextStatus.Queued));
    }

    /// <summary>Whether the virtual customer at this number replies STOP to a text.</summary>
    public static bool RepliesStop(int seed, string to, double share) =>
        share > 0 && (uint)StableHash.Of(seed, "sms-stop:" + to) % 1000 < share * 1000;

    private async Task DeliverAsync(OutgoingText text)
    {
        var settings = options.Value;
        try
        {
            var call = grains.GetGrain<ICallGrain>(text.CallId);
            await Task.Delay(settings.TextDeliveryDelay, clock);
            await call.OnTextReportAsync(new TextReport(text.TextId, TextStatus.Sent));
            await Task.Delay(settings.TextDeliveryDelay, clock);
            var undelivered = (uint)StableHash.Of(settings.Seed, "sms-delivery:" + text.To) % UndeliveredOneIn == 0;
            await call.OnTextReportAsync(undelivered
                ? new TextReport(text.TextId, TextStatus.Undelivered, "the handset could not be reached (simulated)")
                : new TextReport(text.TextId, TextStatus.Delivered));
            if (!undelivered && RepliesStop(settings.Seed, text.To, settings.TextStopShare))
            {
                await Task.Delay(settings.TextDeliveryDelay, clock);
                await replies.ReceivedAsync(text.To, "STOP");
            }
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, text.CallId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated text of call {CallId} could not be reported: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string callId, string reason);
}
