using System.Text.Json;

namespace Campaign.Telephony.Twilio;

/// <summary>The fields of a ConversationRelay message this host reads, each checked for its JSON type.</summary>
internal sealed record RelayMessage(
    string Type,
    bool? Last,
    string? VoicePrompt,
    string? UtteranceUntilInterrupt,
    string? CallIdParameter,
    string? Digit,
    string? Description)
{
    /// <summary>The message, or null when it is not a JSON object with a string <c>type</c> and rightly typed fields.</summary>
    public static RelayMessage? Parse(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "type") is not { } type)
            {
                return null;
            }

            bool? last = root.TryGetProperty("last", out var flag)
                ? flag.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => throw new FormatException("last") }
                : null;
            var custom = root.TryGetProperty("customParameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                ? String(parameters, "callId")
                : null;
            return new RelayMessage(type, last, String(root, "voicePrompt"), String(root, "utteranceUntilInterrupt"), custom,
                String(root, "digit"), String(root, "description"));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A string field; absent or null is null, any other type is refused.</summary>
    private static string? String(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw new FormatException(name),
        };
}
