using System.ComponentModel;
using System.Text.Json;

namespace Campaign.Conversation.Outcome;

/// <summary>
/// The structured extraction of a finished call, as the model returns it (<c>ResponseFormat = typeof(CallSummaryRecord)</c>)
/// and as the offline engine writes it. Values are words, not enums, so a model's variant spelling still parses.
/// </summary>
[Description("What was learnt on a phone call")]
public sealed record CallSummaryRecord(
    [property: Description("interested, neutral, notInterested or unknown")] string Interest,
    [property: Description("each concern the customer raised, in a few words; empty when none")] string[] Concerns,
    [property: Description("moreInfo, callback, leaveAlone or none")] string FollowUp,
    [property: Description("for a callback: when, in the customer's words (e.g. 'tomorrow at 5 pm'); null otherwise")] string? CallbackTime,
    [property: Description("one paragraph summarising the call for the operations team")] string Summary)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The record in a model's reply, tolerating a fenced code block around it; null when there is none.</summary>
    public static CallSummaryRecord? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize<CallSummaryRecord>(text[start..(end + 1)], Json);
            return record is null ? null : record with { Concerns = record.Concerns ?? [], Interest = record.Interest ?? "", FollowUp = record.FollowUp ?? "", Summary = record.Summary ?? "" };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
