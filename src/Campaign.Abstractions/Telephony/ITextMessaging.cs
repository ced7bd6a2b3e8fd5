using Campaign.Abstractions.Calls;

namespace Campaign.Abstractions.Telephony;

/// <summary>
/// The text-message port, beside <see cref="ITelephony"/> on the same provider. Delivery reports come back as
/// <see cref="TextReport"/>s to <see cref="ICallGrain.OnTextReportAsync"/>; replies to the sender number are handled
/// as opt-outs when they are a stop keyword.
/// </summary>
public interface ITextMessaging
{
    /// <summary>Hands the text to the provider; a refusal throws <see cref="TextRefusedException"/>.</summary>
    Task<TextAccepted> SendAsync(OutgoingText text, CancellationToken cancellationToken = default);
}

/// <summary>A text to send: <see cref="TextId"/> is stable per call and purpose and is echoed in delivery reports.</summary>
public sealed record OutgoingText(string TextId, string CallId, string To, string Body);

/// <summary>The provider took the text: its message id and the status it reported.</summary>
public sealed record TextAccepted(string ProviderMessageId, TextStatus Status);

/// <summary>The provider refused the text (an invalid number, a blocked destination, a missing sender); not retried.</summary>
public sealed class TextRefusedException(string message) : Exception(message);

/// <summary>Text messages customers send to the sender number: a stop keyword puts the number on the do-not-call list.</summary>
public interface ITextReplies
{
    /// <returns>Whether the reply opted the number out.</returns>
    Task<bool> ReceivedAsync(string from, string body, CancellationToken cancellationToken = default);
}
