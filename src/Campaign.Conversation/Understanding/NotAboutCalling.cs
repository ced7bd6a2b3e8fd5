using System.Text.RegularExpressions;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// Phrases made of the words an opt-out is made of that are about something else: what a thing is called, the company's
/// call centre, lists that are not for calls, a doorbell, "stop me if I'm wrong", "don't bother sending the leaflet", an
/// old number replaced by a new one. They are put in neutral words on a line already normalised by
/// <see cref="OptOutDetector"/>, before any rule reads it.
/// </summary>
internal static partial class NotAboutCalling
{
    public static string Neutralize(string line)
    {
        // "Stop calling it free": what something is called, not a call.
        line = Naming().Replace(line, "naming $1 ");
        // A call centre, queue or handler, or the company's phone line, is where the customer calls, not a call to them.
        line = CallPlace().Replace(line, "helpline");
        line = OtherList().Replace(line, "paperwork");
        line = Doorbell().Replace(line, "door chime");
        line = StopMeIf().Replace(line, "correct me if");
        line = RingOff().Replace(line, "hang up");
        line = NoNeedToSend().Replace(line, "no need ");
        line = Unreturned().Replace(line, "$1 are unreliable ");
        return OldNumber().Replace(line, "update my old number");
    }

    [GeneratedRegex(@"\b(?:call|calls|calling|called) (it|that) (?!(?:again|anymore|any|now|please|off|back|up|here|ever|quits|a day)\b)(?=[a-z])")]
    private static partial Regex Naming();

    [GeneratedRegex(@"\bcall (?:cent(?:re|er)|queue|handler|operator)s?\b|\b(?<=(?:your|the) )phone (?:lines?|queue)\b")]
    private static partial Regex CallPlace();

    // "Take me off the paper billing list", "off the waiting list", "the priority services register".
    [GeneratedRegex(@"\b(?:(?:the|your|my|this|that|ur) )?(?:(?:paper|paperless|postal|printed|email|e mail|online) )?(?:billing|bills?|statements?|paper|waiting|priority(?: services?)?|newsletter|meter reading|direct debit|repair|repairs|outage|engineer|installation|vulnerable customers?|psr)s? (?:list|register|registry|scheme|queue|rota)\b")]
    private static partial Regex OtherList();

    // "Stop the engineer ringing the doorbell so early".
    [GeneratedRegex(@"\b(?:ring|rings|ringing|rang)(?: on)? (?:the |my |our )?(?:door ?bell|bell)\b|\bdoor ?bell\b")]
    private static partial Regex Doorbell();

    [GeneratedRegex(@"\bstop me if\b")]
    private static partial Regex StopMeIf();

    // "Don't ring off yet": British for hanging up, said to keep the call going.
    [GeneratedRegex(@"\bring(?:ing)? off\b")]
    private static partial Regex RingOff();

    // "Don't bother sending the leaflet": no need of the paper, nothing about the calls.
    [GeneratedRegex(@"\bdo not bother (?=(?:sending|posting|mailing|emailing|printing|with (?:the |a )?(?:leaflet|letter|brochure|paperwork|email|form)))")]
    private static partial Regex NoNeedToSend();

    // "You lot never call when you say you will": calls the company fails to make, a complaint about its service.
    [GeneratedRegex(@"\b(you|you lot|you guys|you people|they|your (?:engineers?|people|team|staff))(?: \w+)? never (?:call|calls|ring|rings|phone|phones)(?: (?:me|us|you|them))?(?: back| when| like| as| on time| if)\b")]
    private static partial Regex Unreturned();

    // "Delete the old phone number, it's this one now": a number replaced, not a request to stop.
    [GeneratedRegex(@"\b(?:delete|remove|scrub|drop|wipe) (?:the|my|that) old (?:\w+ )?number\b")]
    private static partial Regex OldNumber();
}
