using System.Text.Json;

namespace Campaign.Telephony.Twilio;

/// <summary>
/// The <c>handoffData</c> of a ConversationRelay <c>end</c> message, which Twilio passes back as <c>HandoffData</c> to
/// the <c>Connect</c> action: <c>{"reason":"transfer"}</c> when the agent hands the call to a person.
/// </summary>
public static class RelayHandoff
{
    public const string TransferReason = "transfer";

    public static string Transfer { get; } = JsonSerializer.Serialize(new { reason = TransferReason });

    /// <summary>Whether the data asks for the transfer; anything else, or data that is not JSON, does not.</summary>
    public static bool IsTransfer(string? handoffData)
    {
        if (string.IsNullOrWhiteSpace(handoffData))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(handoffData);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("reason", out var reason)
                && reason.ValueKind == JsonValueKind.String
                && reason.GetString() == TransferReason;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
