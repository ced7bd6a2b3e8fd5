namespace Campaign.Telephony.Acs;

/// <summary>Settings under <c>Telephony:Acs</c>; checked at startup by <see cref="AcsSettings"/>.</summary>
public sealed class AcsOptions
{
    public const string Section = "Telephony:Acs";
    public const string DefaultApiVersion = "2024-09-15";

    /// <summary>The resource endpoint, <c>https://{resource}.communication.azure.com</c>.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The resource's access key (base64); signs every REST request. Secret.</summary>
    public string AccessKey { get; set; } = "";

    /// <summary>Caller id used when the campaign sets none; a number the resource owns.</summary>
    public string FromNumber { get; set; } = "";

    /// <summary>The externally reachable base URL of this host; the callback URL is built on it.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>The Azure AI services endpoint linked to the resource; text-to-speech and recognition need it.</summary>
    public string CognitiveServicesEndpoint { get; set; } = "";

    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>The voice for script languages that <see cref="Voices"/> does not name.</summary>
    public AcsVoice DefaultVoice { get; set; } = new("en-US", "en-US-NancyNeural");

    /// <summary>Locale and voice per script language (a script's own <c>voice</c> still wins).</summary>
    public Dictionary<string, AcsVoice> Voices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long recognition waits for the callee to start speaking.</summary>
    public int InitialSilenceTimeoutSeconds { get; set; } = 10;

    /// <summary>The pause that ends the callee's turn.</summary>
    public int EndSilenceTimeoutMs { get; set; } = 800;

    /// <summary>Treats a typical voicemail greeting heard in the first turns as an answering machine (ACS has no detection).</summary>
    public bool VoicemailGreetingDetection { get; set; } = true;

    /// <summary>Key for the per-call callback tokens; derived from the access key when empty. Secret.</summary>
    public string CallbackSecret { get; set; } = "";

    public AcsJwtOptions Jwt { get; set; } = new();

    /// <summary>Sender of text messages: an SMS-enabled number of the resource; <see cref="FromNumber"/> when empty.</summary>
    public string SmsFrom { get; set; } = "";

    /// <summary>The SMS REST api-version.</summary>
    public string SmsApiVersion { get; set; } = DefaultSmsApiVersion;

    /// <summary>
    /// The token the Event Grid subscription for SMS events carries in its URL (<c>?token=…</c>); SMS events are
    /// refused while it is empty. Secret.
    /// </summary>
    public string SmsEventsToken { get; set; } = "";

    public const string DefaultSmsApiVersion = "2021-03-07";
}

/// <summary>A text-to-speech voice and the locale it speaks and recognises.</summary>
public sealed record AcsVoice(string Locale, string Voice);

/// <summary>Checking the JWT that Call Automation puts on every callback (<c>Telephony:Acs:Jwt</c>).</summary>
public sealed class AcsJwtOptions
{
    public const string DefaultIssuer = "https://acscallautomation.communication.azure.com";
    public const string DefaultOpenIdConfigurationUrl = "https://acscallautomation.communication.azure.com/calling/.well-known/acsopenidconfiguration";

    public bool Enabled { get; set; }

    /// <summary>The ACS resource's immutable resource id, as the tokens carry it in <c>aud</c>.</summary>
    public string Audience { get; set; } = "";

    public string Issuer { get; set; } = DefaultIssuer;

    /// <summary>Where the signing keys are published (its <c>jwks_uri</c>).</summary>
    public string OpenIdConfigurationUrl { get; set; } = DefaultOpenIdConfigurationUrl;
}
