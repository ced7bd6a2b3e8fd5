using System.Text.Json;

namespace Campaign.Telephony.Acs;

/// <summary>One CloudEvent from a Call Automation callback, reduced to what the turn loop reads.</summary>
public sealed record AcsCallbackEvent(
    string Id,
    string Type,
    string? CallConnectionId,
    AcsOperationContext? Context,
    int? ResultCode,
    int? ResultSubCode,
    string? Speech)
{
    private const string TypePrefix = "Microsoft.Communication.";

    /// <summary>Reads a callback body: a JSON array of CloudEvents (a single event object is accepted too).</summary>
    /// <exception cref="JsonException">The body is not JSON of that shape.</exception>
    public static IReadOnlyList<AcsCallbackEvent> ParseBatch(JsonElement body)
    {
        var events = body.ValueKind switch
        {
            JsonValueKind.Array => body.EnumerateArray().ToList(),
            JsonValueKind.Object => [body],
            _ => throw new JsonException("the body is not a CloudEvent array"),
        };
        return [.. events.Select(Parse)];
    }

    private static AcsCallbackEvent Parse(JsonElement cloudEvent)
    {
        if (cloudEvent.ValueKind != JsonValueKind.Object || String(cloudEvent, "type") is not { } type)
        {
            throw new JsonException("an event has no type");
        }

        var data = cloudEvent.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var result = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("resultInformation", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var speech = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("speechResult", out var s) && s.ValueKind == JsonValueKind.Object ? String(s, "speech") : null;
        return new AcsCallbackEvent(
            String(cloudEvent, "id") ?? "",
            type.StartsWith(TypePrefix, StringComparison.Ordinal) ? type[TypePrefix.Length..] : type,
            String(data, "callConnectionId"),
            AcsOperationContext.Parse(String(data, "operationContext")),
            Number(result, "code"),
            Number(result, "subCode"),
            speech);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;
}
