using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// A refusal of what is offered rather than of the calls: "I don't want it, thanks", "No, I think I've got enough",
/// "None that I can think of", "I'm not talking to a computer, no thanks". It names no calling, contact or list and
/// shows no annoyance, so it is no hint of an opt-out and the semantic layer is not asked about it (the opt-out rules
/// still are).
/// </summary>
public static partial class OfferDecline
{
    public static bool IsOfferDecline(string text)
    {
        var normalized = TextTokens.Normalize(text);
        return Decline().IsMatch(normalized) && !CallsOrAnnoyance().IsMatch(normalized);
    }

    [GeneratedRegex(@"\b(?:do not|don't|dont|did not|didn't) (?:want|need) (?:it|that|this|one|them|those|the (?:inspection|offer|information|info|visit|service|check))\b|\b(?:i have|i've|ive|i) (?:got|already got|already have|have) enough(?: info\w*| details)?\b|^\W*(?:(?:no|nope|nah|well|um|erm)\W+)*(?:none|nothing) (?:that i can think of|i can think of|comes to mind|springs to mind)\b|,\s*no,? thank(?:s|s anyway| you)\W*$")]
    private static partial Regex Decline();

    [GeneratedRegex(@"\b(?:call\w*|ring\w*|rang|phon\w*|contact\w*|number|list|again|anymore|any more|stop\w*|remov\w*|never|bother\w*|pester\w*|harass\w*|leave (?:me|us) alone|sick|tired|fed up|annoy\w*|enough of|people|lot)\b")]
    private static partial Regex CallsOrAnnoyance();
}
