using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>What a reply to "Would you like us to stop calling you?" says.</summary>
public enum ConfirmationAnswer
{
    /// <summary>Neither yes, no nor goodbye: the call goes on and the customer stays callable.</summary>
    Other,

    /// <summary>A real affirmative ("yes", "please do", "take me off"): the customer is opted out.</summary>
    Yes,

    /// <summary>A clear no ("no, it's fine", "you can call"): the call goes on.</summary>
    No,

    /// <summary>A farewell with no yes in it ("bye", "thanks, goodbye"): the call ends, the customer stays callable.</summary>
    Goodbye,
}

/// <summary>
/// Reads the answer to the agent's clarifying question "Would you like us to stop calling you?". Only a real
/// affirmative, or a line that is an opt-out by itself, confirms the opt-out; a no, a goodbye or an answer about
/// something else never does, since the line that raised the question was not a request by itself.
/// </summary>
public static partial class OptOutConfirmation
{
    public static ConfirmationAnswer Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ConfirmationAnswer.Other;
        }

        var line = TextTokens.Normalize(text);
        if (OptOutDetector.IsOptOut(text))
        {
            return ConfirmationAnswer.Yes;
        }

        if (No().IsMatch(line) || (Acknowledged().Match(line) is { Success: true, Length: > 0 } ack && PlainNo().IsMatch(line[ack.Length..]) && No().IsMatch(line[ack.Length..])))
        {
            return ConfirmationAnswer.No;
        }

        var farewell = Farewell().IsMatch(line);
        if (Yes().IsMatch(line) && !CarryOn().IsMatch(line) && !(farewell && WeakYes().IsMatch(line)) && !AboutSomethingElse(line))
        {
            return ConfirmationAnswer.Yes;
        }

        return farewell ? ConfirmationAnswer.Goodbye : ConfirmationAnswer.Other;
    }

    // "Yes, Thursday morning works", "Yeah, the inspection sounds good", "Yeah, my wife's on a ventilator": a yes that goes
    // on about the offer, a time, a question or a worry at home answers something else the customer has in mind, not the
    // question; a yes that also complains still counts.
    private static bool AboutSomethingElse(string line) => (OfferOrTime().IsMatch(line) || Household().IsMatch(line)) && !Weary().IsMatch(line);

    private const string Lead = @"^\W*(?:(?:well|oh|um+|uh+|hmm+|erm|er|ah|look|listen|honestly|actually|i mean|mate|love|sir|madam|ma'am|ji)\W+)*";

    [GeneratedRegex(Lead + @"(?:no|nope|nah|naw|no no|not at all|not really|no need|no thanks|no thank you|it is (?:fine|ok|okay|alright|all right)|that is (?:fine|ok|okay|alright|all right)|you can (?:call|keep|ring|carry on)|keep (?:calling|me on)|carry on|go on|i did not mean that|that is not what i (?:said|meant)|i do not mind|do not worry|it is not that|not what i meant)\b(?!.*\b(?:stop|remove|take me off|do not call|never call|do not ring)\b)")]
    private static partial Regex No();

    [GeneratedRegex(Lead + @"(?:yes|yeah|yea|yep|yup|ya|yah|aye|uh huh|mhm|sure|please|correct|right|exactly|absolutely|definitely|of course|ok|okay|alright|all right|fine|whatever|that is right|that is correct|that(?: is|'s|s) it|that is what i (?:said|meant|want)|that would be (?:great|good|best|nice|lovely)|i would|i do|i would like that|i want that|do that|do it|please do|go ahead|stop|indeed|certainly|obviously|too right|damn right|hell yes|you bet|by all means|i (?:already|just) (?:said|told you)|what do you think|is it not obvious|you heard me|that is the idea|ha(?:h|ha)* yes)\b")]
    private static partial Regex Yes();

    // "Okay, fair enough. No, I'll pass": an acknowledgement of what was said before the answer itself.
    [GeneratedRegex(@"^\W*(?:(?:ok|okay|alright|all right|right|fair enough|i see|got it|understood|fine|mm+|hmm+)\W+)+")]
    private static partial Regex Acknowledged();

    [GeneratedRegex(@"^\W*(?:no|nope|nah|naw|not really|not at all)\b")]
    private static partial Regex PlainNo();

    // "Okay, bye": an acknowledgement on the way out, not an answer to the question.
    [GeneratedRegex(Lead + @"(?:ok|okay|alright|all right|fine|right|sure|whatever|cheers)\b")]
    private static partial Regex WeakYes();

    // "Okay, go on then", "fine, tell me more": agreeing to carry on, not to the question.
    [GeneratedRegex(@"\b(?:go on|carry on|tell me|continue|what else|go ahead with|you can call|keep calling|not what i)\b")]
    private static partial Regex CarryOn();

    [GeneratedRegex(@"\b(?:interested|sounds (?:good|great|useful|fine|lovely|brilliant|interesting|helpful)|sign me up|book (?:me|it|one|a|the|that)|the (?:inspection|visit|check|appointment|engineer|electrician)|send (?:me|it|the|some|over|whatever|anything|something|stuff|that|them|a|your|through)|(?:have|take) a look|look (?:at|over|through) (?:it|them)|more (?:info|information|details)|i will take it|how much|what does it|when (?:can|could|would|will)|is it free|does it cost|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|tonight|next week|(?:this|in the|any) (?:morning|afternoon|evening)|\d+ ?(?:am|pm|o ?clock)|o ?clock|works for me|suits me)\b")]
    private static partial Regex OfferOrTime();

    // A worry about the home or the supply: "my wife's on a ventilator", "the fridge went off again".
    [GeneratedRegex(@"\b(?:ventilator|oxygen|dialysis|medical|wheelchair|stairlift|insulin|fridge|freezer|wiring|wires|sockets?|fuse ?box|fuses?|breaker|lights?|power|outages?|blackouts?|electric\w*|meter|heater|boiler|kids|baby|my (?:wife|husband|mum|mom|dad|son|daughter|partner))\b")]
    private static partial Regex Household();

    [GeneratedRegex(@"\b(?:stop|enough|never|do not|not|sick|fed up|annoying|leave me|no more|too many|every (?:day|week)|again|told you|remove|off (?:the|your) list|call\w*|ring\w*|rang|phon\w*|bother\w*|mad|crazy|nuts|up the wall|head in)\b")]
    private static partial Regex Weary();

    [GeneratedRegex(@"\b(?:goodbye|good bye|bye|cheerio|ta ta|see you|cheers|take care|have a (?:nice|good|great) (?:day|one|evening)|got to go|gotta go|have to go|talk later|i am hanging up|hanging up)\b|\b(?:ok|okay|alright|thanks|thank you|cheers)\W+by\W*$")]
    private static partial Regex Farewell();
}
