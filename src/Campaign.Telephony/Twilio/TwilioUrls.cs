namespace Campaign.Telephony.Twilio;

/// <summary>The webhook URLs given to Twilio; signatures are checked against exactly these.</summary>
public sealed class TwilioUrls(TwilioOptions options)
{
    public const string BasePath = "/telephony/twilio";

    public Uri Voice(string callId) => Build("voice", callId);

    public Uri Status(string callId) => Build("status", callId);

    public Uri Amd(string callId) => Build("amd", callId);

    public Uri Gather(string callId, int silences) => new($"{Build("gather", callId)}&silences={silences}");

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
