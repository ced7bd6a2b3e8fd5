using Microsoft.Extensions.Configuration;

namespace Campaign.Telephony.Twilio;

/// <summary>Reads and checks the Twilio settings so a misconfigured host fails at startup, naming the key.</summary>
public static class TwilioSettings
{
    public static TwilioOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(TwilioOptions.Section);
        var options = new TwilioOptions
        {
            AccountSid = Required(section, nameof(TwilioOptions.AccountSid)),
            AuthToken = Required(section, nameof(TwilioOptions.AuthToken)),
            FromNumber = Required(section, nameof(TwilioOptions.FromNumber)),
            PublicBaseUrl = AbsoluteUrl(section, nameof(TwilioOptions.PublicBaseUrl), Required(section, nameof(TwilioOptions.PublicBaseUrl))),
            ApiBaseUrl = AbsoluteUrl(section, nameof(TwilioOptions.ApiBaseUrl), section[nameof(TwilioOptions.ApiBaseUrl)] ?? TwilioOptions.DefaultApiBaseUrl),
            SpeechTimeout = section[nameof(TwilioOptions.SpeechTimeout)] ?? "auto",
            Language = section[nameof(TwilioOptions.Language)] ?? "en-US",
            Voice = section[nameof(TwilioOptions.Voice)],
            MessagingFrom = Blank(section[nameof(TwilioOptions.MessagingFrom)]),
            MessagingServiceSid = Blank(section[nameof(TwilioOptions.MessagingServiceSid)]),
        };

        if (options.MessagingServiceSid is { } service && !service.StartsWith("MG", StringComparison.Ordinal))
        {
            throw Invalid(nameof(TwilioOptions.MessagingServiceSid), "must be a Messaging Service sid (MG…)");
        }

        var mode = section[nameof(TwilioOptions.Mode)];
        if (mode is not null)
        {
            options.Mode = Enum.TryParse<TwilioMode>(mode, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw Invalid(nameof(TwilioOptions.Mode), $"'{mode}' is not a mode; use 'Gather' or 'ConversationRelay'");
        }

        if (section[nameof(TwilioOptions.MachineDetection)] is { } amd)
        {
            options.MachineDetection = bool.TryParse(amd, out var enabled) ? enabled : throw Invalid(nameof(TwilioOptions.MachineDetection), "must be true or false");
        }

        if (options.SpeechTimeout != "auto" && !(int.TryParse(options.SpeechTimeout, out var seconds) && seconds >= 1))
        {
            throw Invalid(nameof(TwilioOptions.SpeechTimeout), "must be 'auto' or a whole number of seconds");
        }

        return options;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Required(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? throw Invalid(key, "is required when Telephony:Provider is Twilio") : section[key]!.Trim();

    private static string AbsoluteUrl(IConfigurationSection section, string key, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? value.TrimEnd('/')
            : throw Invalid(key, "must be an absolute http or https URL");

    private static InvalidOperationException Invalid(string key, string problem) => new($"{TwilioOptions.Section}:{key} {problem}.");
}
