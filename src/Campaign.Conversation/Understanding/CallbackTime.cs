namespace Campaign.Conversation.Understanding;

/// <summary>When the customer asked to be called back: the instant, and the words they used for it.</summary>
public sealed record CallbackTime(DateTimeOffset At, string Phrase);
