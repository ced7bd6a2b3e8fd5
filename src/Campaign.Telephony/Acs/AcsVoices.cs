namespace Campaign.Telephony.Acs;

/// <summary>Picks the locale and voice for a script: its own voice if it names one, else the one configured for its language.</summary>
public static class AcsVoices
{
    public static AcsVoice For(AcsOptions options, string? language, string? scriptVoice)
    {
        var voice = Configured(options, language);
        return string.IsNullOrWhiteSpace(scriptVoice) ? voice : voice with { Voice = scriptVoice.Trim() };
    }

    private static AcsVoice Configured(AcsOptions options, string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return options.DefaultVoice;
        }

        if (options.Voices.TryGetValue(language, out var exact))
        {
            return exact;
        }

        // "es-MX" falls back to a voice configured for "es".
        var primary = language.Split('-')[0];
        return options.Voices.TryGetValue(primary, out var general) ? general : options.DefaultVoice;
    }
}
