namespace Campaign.Telephony.Twilio;

/// <summary>The webhook URLs given to Twilio; signatures are checked against exactly these.</summary>
public sealed class TwilioUrls(TwilioOptions options)
{
    public const string BasePath = "/telephony/twilio";

    public Uri Voice(string callId) => Build("voice", callId);

    public Uri Status(string callId) => Build("status", callId);

    public Uri Amd(string callId) => Build("amd", callId);

    /// <summary>The transfer's Dial action: how the person's leg went (<c>DialCallStatus</c>).</summary>
    public Uri Transfer(string callId) => Build("transfer", callId);

    /// <summary>
    /// The ConversationRelay's <c>Connect</c> action: the session is over, and its <c>HandoffData</c> says whether the
    /// call goes on to a person.
    /// </summary>
    public Uri RelayEnded(string callId) => Build("relay-ended", callId);

    /// <summary>The TwiML the person hears when they answer a transfer, before being connected.</summary>
    public Uri Whisper(string callId) => Build("whisper", callId);

    /// <param name="turn">The callee's turn the Gather collects, so a retried delivery of it is known as a repeat (0: not numbered).</param>
    public Uri Gather(string callId, int turn = 0) =>
        turn > 0 ? new Uri($"{Build("gather", callId)}&turn={turn}") : Build("gather", callId);

    /// <summary>Delivery reports of a text sent after the call.</summary>
    public Uri TextStatus(string callId, string textId) => new($"{Build("sms-status", callId)}&textId={Uri.EscapeDataString(textId)}");

    /// <summary>Where the number's incoming messages go (set on the number or its Messaging Service in the console).</summary>
    public Uri IncomingText() => new($"{options.PublicBaseUrl}{BasePath}/sms");

    /// <summary>The ConversationRelay WebSocket: the public base URL with ws/wss instead of http/https.</summary>
    public Uri Relay(string callId)
    {
        var builder = new UriBuilder(Build("relay", callId));
        builder.Scheme = builder.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return builder.Uri;
    }

    private Uri Build(string endpoint, string callId) =>
        new($"{options.PublicBaseUrl}{BasePath}/{endpoint}?callId={Uri.EscapeDataString(callId)}");
}
