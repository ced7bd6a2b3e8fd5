using System.Text.RegularExpressions;

namespace Campaign.Conversation.Agent;

/// <summary>
/// Recognises a reply that takes leave of the customer ("Thanks for your time, goodbye.", "Have a nice day!"), so a
/// model that says goodbye without calling <c>end_call</c> does not leave the line open. A farewell counts when a
/// clause starts or ends with it and no question follows it: "Before we say goodbye, anything else?" and "say goodbye
/// to power cuts" do not.
/// </summary>
public static partial class ClosingLine
{
    public static bool IsGoodbye(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var farewellEnd = -1;
        foreach (Match clause in Clause().Matches(text))
        {
            var words = Squeeze(clause.Value);
            if (words.Length > 0 && (StartsWithFarewell().IsMatch(words) || EndsWithFarewell().IsMatch(words)))
            {
                farewellEnd = clause.Index + clause.Length;
            }
        }

        return farewellEnd >= 0 && !text.AsSpan(farewellEnd).Contains('?');
    }

    private static string Squeeze(string clause) =>
        Blanks().Replace(clause.ToLowerInvariant().Replace('-', ' ').Replace('’', '\''), " ").Trim().Trim('"', '\'', ' ');

    [GeneratedRegex(@"[^.,;:!?\n—]+")]
    private static partial Regex Clause();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();

    [GeneratedRegex(@"^(?:(?:ok|okay|so|and|well|then|alright|all right|thanks|thank you|many thanks)\s+)*(?:good ?bye|bye|farewell|take care|talk (?:to you )?soon|have a (?:nice|good|great|lovely|wonderful|pleasant|fantastic) (?:day|evening|afternoon|morning|night|weekend|one)|good ?night)\b")]
    private static partial Regex StartsWithFarewell();

    [GeneratedRegex(@"\b(?:good ?bye|bye|bye for now|bye now|farewell|have a (?:nice|good|great|lovely|wonderful|pleasant|fantastic) (?:day|evening|afternoon|morning|night|weekend|one)|good ?night)(?: now| then| again)?$")]
    private static partial Regex EndsWithFarewell();
}
