using Microsoft.Extensions.Configuration;

namespace Campaign.Telephony.Acs;

/// <summary>Reads and checks the ACS settings so a misconfigured host fails at startup, naming the key (never a secret's value).</summary>
public static class AcsSettings
{
    public static AcsOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(AcsOptions.Section);
        var options = new AcsOptions
        {
            Endpoint = AbsoluteUrl(nameof(AcsOptions.Endpoint), Required(section, nameof(AcsOptions.Endpoint))),
            AccessKey = Required(section, nameof(AcsOptions.AccessKey)),
            FromNumber = Required(section, nameof(AcsOptions.FromNumber)),
            PublicBaseUrl = AbsoluteUrl(nameof(AcsOptions.PublicBaseUrl), Required(section, nameof(AcsOptions.PublicBaseUrl))),
            CognitiveServicesEndpoint = AbsoluteUrl(nameof(AcsOptions.CognitiveServicesEndpoint), Required(section, nameof(AcsOptions.CognitiveServicesEndpoint))),
            ApiVersion = section[nameof(AcsOptions.ApiVersion)] is { Length: > 0 } version ? version.Trim() : AcsOptions.DefaultApiVersion,
            CallbackSecret = section[nameof(AcsOptions.CallbackSecret)] ?? "",
            InitialSilenceTimeoutSeconds = Number(section, nameof(AcsOptions.InitialSilenceTimeoutSeconds), 10, 1, 300),
            EndSilenceTimeoutMs = Number(section, nameof(AcsOptions.EndSilenceTimeoutMs), 800, 100, 10_000),
            VoicemailGreetingDetection = Flag(section, nameof(AcsOptions.VoicemailGreetingDetection), true),
            SmsFrom = section[nameof(AcsOptions.SmsFrom)]?.Trim() ?? "",
            SmsApiVersion = section[nameof(AcsOptions.SmsApiVersion)] is { Length: > 0 } smsVersion ? smsVersion.Trim() : AcsOptions.DefaultSmsApiVersion,
            SmsEventsToken = section[nameof(AcsOptions.SmsEventsToken)]?.Trim() ?? "",
        };

        if (!IsBase64(options.AccessKey))
        {
            throw Invalid(nameof(AcsOptions.AccessKey), "must be the resource's base64 access key");
        }

        options.DefaultVoice = new AcsVoice(
            section["Locale"] is { Length: > 0 } defaultLocale ? defaultLocale.Trim() : options.DefaultVoice.Locale,
            section["Voice"] is { Length: > 0 } defaultVoice ? defaultVoice.Trim() : options.DefaultVoice.Voice);
        foreach (var language in section.GetSection(nameof(AcsOptions.Voices)).GetChildren())
        {
            var voice = language["Voice"] is { Length: > 0 } name ? name.Trim() : throw Invalid($"Voices:{language.Key}:Voice", "is required for each language listed");
            options.Voices[language.Key] = new AcsVoice(language["Locale"] is { Length: > 0 } locale ? locale.Trim() : language.Key, voice);
        }

        var jwt = section.GetSection(nameof(AcsOptions.Jwt));
        options.Jwt = new AcsJwtOptions
        {
            Enabled = Flag(jwt, nameof(AcsJwtOptions.Enabled), false, "Jwt:"),
            Audience = jwt[nameof(AcsJwtOptions.Audience)]?.Trim() ?? "",
            Issuer = jwt[nameof(AcsJwtOptions.Issuer)] is { Length: > 0 } issuer ? issuer.Trim() : AcsJwtOptions.DefaultIssuer,
            OpenIdConfigurationUrl = AbsoluteUrl("Jwt:OpenIdConfigurationUrl", jwt[nameof(AcsJwtOptions.OpenIdConfigurationUrl)] ?? AcsJwtOptions.DefaultOpenIdConfigurationUrl),
        };
        if (options.Jwt.Enabled && options.Jwt.Audience.Length == 0)
        {
            throw Invalid("Jwt:Audience", "is required when Jwt:Enabled is true (the resource's immutable resource id)");
        }

        return options;
    }

    private static bool IsBase64(string value) => value.Length % 4 == 0 && Convert.TryFromBase64String(value, new byte[value.Length], out var length) && length > 0;

    private static string Required(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? throw Invalid(key, "is required when Telephony:Provider is Acs") : section[key]!.Trim();

    private static string AbsoluteUrl(string key, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? value.TrimEnd('/')
            : throw Invalid(key, "must be an absolute http or https URL");

    private static int Number(IConfigurationSection section, string key, int fallback, int min, int max) => section[key] is not { } text
        ? fallback
        : int.TryParse(text, out var value) && value >= min && value <= max ? value : throw Invalid(key, $"must be a whole number from {min} to {max}");

    private static bool Flag(IConfigurationSection section, string key, bool fallback, string prefix = "") => section[key] is not { } text
        ? fallback
        : bool.TryParse(text, out var value) ? value : throw Invalid(prefix + key, "must be true or false");

    private static InvalidOperationException Invalid(string key, string problem) => new($"{AcsOptions.Section}:{key} {problem}.");
}
