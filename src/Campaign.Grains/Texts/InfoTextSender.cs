using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telephony;
using Campaign.Conversation.Scripts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Texts;

/// <summary>
/// Sends a call's information text once the call is over: when the customer asked for more information, the script
/// has an <c>infoText</c>, and the customer may be texted (consent, not on the do-not-call list). At most once per call:
/// the attempt is stored before the provider is asked, and a settlement run again after a crash in between records the
/// text as failed rather than sending it a second time.
/// </summary>
public sealed partial class InfoTextSender(
    ITextMessaging messaging,
    IScriptSource scripts,
    ICustomerDirectory directory,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    ILogger<InfoTextSender> logger)
{
    public const string Interrupted = "interrupted before the provider confirmed the send; not sent again";

    /// <summary>
    /// The text to send for this call, or null when none is due. <paramref name="attempted"/> is stored before the send;
    /// the returned text goes into the call's texts.
    /// </summary>
    public async Task<CallText?> SendAsync(string callId, CallRequest request, CallOutcome? outcome, bool alreadyAttempted, Func<Task> attempted, CancellationToken cancellationToken = default)
    {
        if (outcome is not { FollowUp.Kind: FollowUpKind.MoreInfo, OptedOut: false } || request.ScriptId is null)
        {
            return null;
        }

        var script = await scripts.GetAsync(request.ScriptId, request.ScriptVersion, cancellationToken);
        if (script?.Definition.InfoText is not { Length: > 0 } template)
        {
            return null;
        }

        var customer = await directory.GetAsync(request.CustomerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (alreadyAttempted)
        {
            return new CallText(CallText.InfoId(callId), customer.Phone, TextStatus.Failed, now, Error: Interrupted, StatusAt: now);
        }

        if (TextConsent.Refusal(customer, now) is { } refusal)
        {
            LogNotSent(logger, callId, refusal);
            return null;
        }

        if (await directory.IsDoNotCallAsync(customer.Phone, cancellationToken))
        {
            LogNotSent(logger, callId, "the number is on the do-not-call list");
            return null;
        }

        var definition = script.Definition;
        var body = ScriptRenderer.RenderText(template, customer, definition.Persona, definition.Language);
        var text = new CallText(CallText.InfoId(callId), customer.Phone, TextStatus.Queued, now, body, StatusAt: now);
        await attempted();
        try
        {
            var accepted = await messaging.SendAsync(new OutgoingText(text.Id, callId, customer.Phone, body), cancellationToken);
            LogSent(logger, callId, accepted.ProviderMessageId);
            return text with { ProviderMessageId = accepted.ProviderMessageId, Status = accepted.Status, StatusAt = clock.GetUtcNow() };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A refused text, or one the provider could not be reached for after its retries: recorded, never retried.
            LogFailed(logger, callId, ex.Message);
            return text with { Status = TextStatus.Failed, Error = ex is TextRefusedException ? ex.Message : "the provider could not be reached", StatusAt = clock.GetUtcNow() };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: information text not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: information text sent as {MessageId}")]
    private static partial void LogSent(ILogger logger, string callId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: information text failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string callId, string reason);
}
