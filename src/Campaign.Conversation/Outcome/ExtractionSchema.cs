using System.Text.Json.Nodes;
using Campaign.Conversation.Functions;
using OpenAI.Chat;

namespace Campaign.Conversation.Outcome;

/// <summary>
/// The response format of the extraction pass: a strict JSON schema of <see cref="CallSummaryRecord"/> whose interest
/// and follow-up are enums of <see cref="AllowedValues"/>, every property required and no other allowed.
/// </summary>
public static class ExtractionSchema
{
    public const string Name = nameof(CallSummaryRecord);

    public static JsonObject Schema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            [nameof(CallSummaryRecord.Interest)] = Enum(AllowedValues.ExtractedInterest, "how interested the customer is; unknown when they never said"),
            [nameof(CallSummaryRecord.Concerns)] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string" },
                ["description"] = "each concern the customer raised, in a few words; empty when none",
            },
            [nameof(CallSummaryRecord.FollowUp)] = Enum(AllowedValues.ExtractedFollowUp, "what the customer wants next"),
            [nameof(CallSummaryRecord.CallbackTime)] = new JsonObject
            {
                ["type"] = new JsonArray("string", "null"),
                ["description"] = "for a callback: when, in the customer's words (e.g. 'tomorrow at 5 pm'); null otherwise",
            },
            [nameof(CallSummaryRecord.Summary)] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "one paragraph summarising the call for the operations team",
            },
        },
        ["required"] = new JsonArray(
            nameof(CallSummaryRecord.Interest), nameof(CallSummaryRecord.Concerns), nameof(CallSummaryRecord.FollowUp),
            nameof(CallSummaryRecord.CallbackTime), nameof(CallSummaryRecord.Summary)),
        ["additionalProperties"] = false,
    };

    /// <summary>The <c>response_format</c> sent with the extraction request: <c>json_schema</c>, strict.</summary>
    public static ChatResponseFormat Format() => ChatResponseFormat.CreateJsonSchemaFormat(
        Name, BinaryData.FromString(Schema().ToJsonString()), "What was learnt on a phone call", jsonSchemaIsStrict: true);

    private static JsonObject Enum(IEnumerable<string> values, string description) => new()
    {
        ["type"] = "string",
        ["enum"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
        ["description"] = description,
    };
}
