using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// Whether a customer line asks to speak to a person ("can I speak to a real person?", "put me through to someone",
/// "I want a human"). "Are you a robot?", "is this a real person?" or "am I talking to a real person?" asks who is
/// calling, not for a person, and is not a request.
/// </summary>
public static partial class PersonRequest
{
    public static bool IsRequest(string text)
    {
        var normalized = TextTokens.Normalize(text);
        return SpeakToPerson().IsMatch(normalized) || PutThrough().IsMatch(normalized) || WantPerson().IsMatch(normalized);
    }

    [GeneratedRegex(@"(?<!\b(?:am|was) i )\b(speak|talk|chat)(ing)? (to|with) (a |an |some |one of (your|the) )?(real |actual |live |proper )?(person|people|human( being)?|agent|representative|rep|operator|someone|somebody|staff|colleague|manager|supervisor|advisor|adviser)\b")]
    private static partial Regex SpeakToPerson();

    [GeneratedRegex(@"\b(put me through|transfer me|connect me|pass me)( to| with| over to)?\b")]
    private static partial Regex PutThrough();

    [GeneratedRegex(@"\b(i want|i would like|i need|i would rather have|give me|get me|can i have|can i get|could i have|could i get|may i have)( to have)? (a |an )?(real |actual |live |proper )?(person|human( being)?|representative|operator)\b|^(a )?(real |live )(person|human)( please)?[.!]?$")]
    private static partial Regex WantPerson();
}
