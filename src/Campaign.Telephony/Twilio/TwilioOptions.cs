namespace Campaign.Telephony.Twilio;

/// <summary>Settings under <c>Telephony:Twilio</c>; checked at startup by <see cref="TwilioSettings"/>.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Telephony:Twilio";
    public const string DefaultApiBaseUrl = "https://api.twilio.com";

    public string AccountSid { get; set; } = "";

    public string AuthToken { get; set; } = "";

    /// <summary>Caller id used when the campaign sets none.</summary>
    public string FromNumber { get; set; } = "";

    /// <summary>The externally reachable base URL of this host; webhook URLs and signature checks are built on it.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Sender of text messages: a number of the account; <see cref="FromNumber"/> when empty.</summary>
    public string? MessagingFrom { get; set; }

    /// <summary>A Messaging Service (<c>MG…</c>) that picks the sender; wins over <see cref="MessagingFrom"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    public TwilioMode Mode { get; set; } = TwilioMode.Gather;

    public bool MachineDetection { get; set; } = true;

    /// <summary>Gather's speechTimeout: seconds, or <c>auto</c>.</summary>
    public string SpeechTimeout { get; set; } = "auto";

    public string Language { get; set; } = "en-US";

    /// <summary>Text-to-speech voice for Say (e.g. <c>Polly.Joanna</c>); Twilio's default when empty.</summary>
    public string? Voice { get; set; }
}

public enum TwilioMode
{
    /// <summary>TwiML Gather with speech recognition, one webhook per turn.</summary>
    Gather,

    /// <summary>A WebSocket per call; Twilio does speech recognition and text-to-speech.</summary>
    ConversationRelay,
}
