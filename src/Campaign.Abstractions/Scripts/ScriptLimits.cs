namespace Campaign.Abstractions.Scripts;

/// <summary>Defaults and allowed ranges of a script's fields.</summary>
public static class ScriptLimits
{
    public const int DefaultMaxTurns = 20;
    public const int MinTurns = 1;
    public const int MaxTurns = 100;

    public const int DefaultMaxSeconds = 600;
    public const int MinSeconds = 30;
    public const int MaxSeconds = 3600;

    public const string DefaultLanguage = "en-US";

    public const int MaxNameLength = 200;
    public const int MaxPersonaLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxVoiceLength = 100;
    public const int MaxInfoTextLength = 640;
    public const int MaxListItems = 50;
}
