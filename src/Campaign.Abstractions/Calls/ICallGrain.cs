using Orleans.Concurrency;

namespace Campaign.Abstractions.Calls;

/// <summary>One call attempt (key: call id). Holds the conversation while the call is live.</summary>
[Alias("Campaign.ICallGrain")]
public interface ICallGrain : IGrainWithStringKey
{
    /// <summary>Places the call. Repeating the same request never dials twice.</summary>
    [Alias("Start")]
    Task<CallStartResult> StartAsync(CallRequest request);

    /// <summary>Handles a provider event and answers what to do next on the line.</summary>
    [Alias("OnEvent")]
    Task<CallInstruction> OnEventAsync(CallEvent callEvent);

    /// <summary>
    /// Handles a provider event and streams what to say as it is produced: text tokens, then a last token that says
    /// whether to hang up. Stopping the enumeration early (the customer interrupted) ends the reply where it stopped.
    /// </summary>
    [Alias("Converse")]
    IAsyncEnumerable<ReplyToken> ConverseAsync(CallEvent callEvent, CancellationToken cancellationToken = default);

    /// <summary>Ends the call from our side (cancel, time limit).</summary>
    [Alias("HangUp")]
    Task HangUpAsync(string reason);

    /// <summary>The call as it stands; null when this call was never started.</summary>
    [Alias("Get")]
    Task<CallRecord?> GetAsync();

    /// <summary>
    /// Whether this call was ever placed, live or finished: a presence check for provider webhooks that reads no
    /// record and runs beside a turn in progress.
    /// </summary>
    [Alias("IsKnown"), ReadOnly, AlwaysInterleave]
    Task<bool> IsKnownAsync();

    /// <summary>
    /// Forgets what the grain keeps of an ended call (the customer's profile and the conversation); the stored call
    /// record stays, so a repeated start still finds the call ended. False when the call is not over yet.
    /// </summary>
    [Alias("Erase")]
    Task<bool> EraseAsync();

    /// <summary>
    /// A provider's delivery report on a text sent after the call, applied to the call record; a repeated or older
    /// report changes nothing. False when the call has no such text.
    /// </summary>
    [Alias("OnTextReport")]
    Task<bool> OnTextReportAsync(TextReport report);

    /// <summary>
    /// The watchdog's look at a placed call, asked by its campaign's sweep: a call the provider no longer has (lost with
    /// its silo) is ended, and an end whose report did not get through is reported again.
    /// </summary>
    [Alias("Check")]
    Task CheckAsync();
}
