using System.Text.Json;
using System.Text.Json.Serialization;

namespace Campaign.Telephony.Acs;

// Request and response bodies of the Call Automation REST API (api-version 2024-09-15), camelCase on the wire.

public sealed record AcsPhoneNumber(string Value);

public sealed record AcsIdentifier(string Kind, AcsPhoneNumber PhoneNumber)
{
    public static AcsIdentifier Phone(string number) => new("phoneNumber", new AcsPhoneNumber(number));
}

public sealed record AcsCallIntelligenceOptions(string CognitiveServicesEndpoint);

public sealed record AcsCreateCallRequest(
    IReadOnlyList<AcsIdentifier> Targets,
    AcsPhoneNumber SourceCallerIdNumber,
    string CallbackUri,
    string OperationContext,
    AcsCallIntelligenceOptions? CallIntelligenceOptions);

public sealed record AcsTextSource(string Text, string SourceLocale, string VoiceName);

public sealed record AcsPlaySource(string Kind, AcsTextSource Text)
{
    public static AcsPlaySource Speak(string text, AcsVoice voice) => new("text", new AcsTextSource(text, voice.Locale, voice.Voice));
}

public sealed record AcsPlayRequest(IReadOnlyList<AcsPlaySource> PlaySources, string OperationContext);

public sealed record AcsSpeechOptions(long EndSilenceTimeoutInMs);

public sealed record AcsRecognizeOptions(
    AcsIdentifier TargetParticipant,
    bool InterruptPrompt,
    int InitialSilenceTimeoutInSeconds,
    string SpeechLanguage,
    AcsSpeechOptions SpeechOptions);

public sealed record AcsRecognizeRequest(string RecognizeInputType, AcsPlaySource? PlayPrompt, AcsRecognizeOptions RecognizeOptions, string OperationContext);

/// <summary><c>:transferToParticipant</c>: the person's number takes this call's place; ACS then drops this host's leg.</summary>
public sealed record AcsTransferRequest(AcsIdentifier TargetParticipant, string OperationContext);

public sealed record AcsCallConnection(string? CallConnectionId, string? CallConnectionState);

internal static class AcsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
