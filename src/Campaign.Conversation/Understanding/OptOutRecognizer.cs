using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// Opt-out recognition on a call. The rules of <see cref="OptOutDetector"/> answer first and are final when they find
/// anything: a <see cref="OptOutSignal.Definite"/> stays one whatever a model makes of the line, and a
/// <see cref="OptOutSignal.Possible"/> is asked about. A line the rules find nothing in, but that has a word about
/// calling, refusing or annoyance (<see cref="OptOutDetector.MayConcernCalls"/>) and is not a plain request to be called
/// back or to know who is calling (<see cref="UtteranceAnalyzer.AsksForCallbackOrIdentity"/>) nor a refusal of the offer
/// alone (<see cref="OfferDecline.IsOfferDecline"/>), goes to the semantic layer, which can
/// only raise it to <see cref="OptOutSignal.Possible"/>: the agent then asks "Would you like us to stop calling you?".
/// It never makes an opt-out <see cref="OptOutSignal.Definite"/> itself, since a wrong one loses a customer, while a
/// question costs one turn. Without the semantic layer (<c>Conversation:OptOut:Semantic=false</c>) the rules answer alone.
/// </summary>
/// <remarks>
/// Two readings of context keep a question from being put where nothing hints at the calls: a bare "no, don't bother"
/// in answer to the offer of information declines the information (<paramref name="answersOffer"/> of
/// <see cref="Classify(string?, bool)"/>), and a line that only might be an opt-out, names no call, contact or list, and
/// that the semantic understanding layer (<paramref name="understanding"/>) reads clearly as a concern about the service
/// ("the bulbs keep blinking, it's doing my head in") is a concern, not a request; nor is a line only the semantic
/// opt-out layer hesitated over that the understanding layer reads clearly as interest or hesitation about the offer
/// ("I can't say right now, I'd need to mull it over"). A <see cref="OptOutSignal.Definite"/> is never lowered.
/// </remarks>
public sealed partial class OptOutRecognizer(IOptOutScorer? semantic, ILogger<OptOutRecognizer>? logger = null, SemanticIntents? understanding = null)
{
    private static readonly IReadOnlySet<string> NoTopics = new HashSet<string>();

    private int _failures;

    /// <summary>The rules alone.</summary>
    public static OptOutRecognizer RulesOnly { get; } = new(null);

    /// <summary>Whether a semantic layer backs the rules.</summary>
    public bool IsSemantic => semantic is not null;

    public OptOutSignal Classify(string? text, bool answersOffer)
    {
        if (answersOffer && IsBareDecline(text))
        {
            return OptOutSignal.None;
        }

        var signal = Classify(text);
        if (signal == OptOutSignal.Possible && (EndsAccepting(text!) || UtteranceAnalyzer.AsksForCallback(text!)))
        {
            // "Oh great, another call. Fine, yes.": a grumble about the calls that ends in agreeing to go on asks for
            // nothing to stop; nor does one that asks for another call ("I don't have time for this today, can you try
            // me Saturday morning?").
            return OptOutSignal.None;
        }

        if (signal != OptOutSignal.Possible || understanding is null || CallWord().IsMatch(TextTokens.Normalize(text!)))
        {
            return signal;
        }

        try
        {
            if (understanding.ConcernTopics(text!, classified: false).Count > 0)
            {
                return OptOutSignal.None;
            }

            // Only the semantic opt-out layer hesitated, and the line reads clearly as a yes or a "let me think", or the
            // rules read a plain yes ("Oh, how thoughtful of you. Yeah, I suppose.") or a complaint ("the fuse box keeps
            // tripping and I'm sick of it") with no word of ending ("yeah, enough now" is still asked about).
            var onlySemantic = OptOutDetector.Classify(text) == OptOutSignal.None;
            return onlySemantic && (understanding.Confident(IntentTask.Interest, text!) is "interested" or "neutral"
                || ((UtteranceAnalyzer.SaysYes(text!) || ConcernExtractor.Extract(text!, [], NoTopics) is not null) && !OptOutDetector.NamesEnding(text!)))
                ? OptOutSignal.None : signal;
        }
        catch (Exception ex)
        {
            if (Interlocked.Increment(ref _failures) <= 3 && logger is not null)
            {
                LogSemanticFailed(logger, ex);
            }

            return signal;
        }
    }

    private static bool DeclinesWithReason(string? text)
    {
        var normalized = TextTokens.Normalize(text ?? "");
        return DeclineLead().Match(normalized) is { Success: true } lead && !CallWord().IsMatch(normalized[lead.Length..]);
    }

    [GeneratedRegex(@"^\W*(?:(?:no|nah|nope|oh|um|erm|well)\W+)*(?:do not|don't|dont) bother\b")]
    private static partial Regex DeclineLead();

    /// <summary>
    /// "No, don't bother", "don't bother, I'll remember": in answer to the offer of information, a refusal of the
    /// information alone, or with a reason that names no call.
    /// </summary>
    public static bool IsBareDecline(string? text) => text is not null && (BareDecline().IsMatch(TextTokens.Normalize(text)) || DeclinesWithReason(text));

    public OptOutSignal Classify(string? text)
    {
        var rules = OptOutDetector.Classify(text);
        if (rules != OptOutSignal.None || semantic is null || !OptOutDetector.MayConcernCalls(text) || UtteranceAnalyzer.AsksForCallbackOrIdentity(text!)
            || OfferDecline.IsOfferDecline(text!))
        {
            return rules;
        }

        // "Honestly? Not bothered." says nothing about the calls once the indifference is set aside, nor does "I rang
        // your number four times" once the customer's own calls are.
        if ((OptOutDetector.WithoutIndifference(text!) is { } rest && !CallWord().IsMatch(rest))
            || (OptOutDetector.WithoutOwnCalling(text!) is { } own && !CallWord().IsMatch(own)))
        {
            return rules;
        }

        try
        {
            return semantic.Score(text!) >= 0 ? OptOutSignal.Possible : OptOutSignal.None;
        }
        catch (Exception ex)
        {
            // A model that cannot run leaves the rules to answer; a call is never broken by it.
            if (Interlocked.Increment(ref _failures) <= 3 && logger is not null)
            {
                LogSemanticFailed(logger, ex);
            }

            return rules;
        }
    }

    private static bool EndsAccepting(string text)
    {
        // The last sentence, or the last part of it: "Stop right there, yes, I'm interested."
        var normalized = TextTokens.Normalize(text);
        var sentences = normalized.Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parts = normalized.Split(['.', '!', '?', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 1 && (Accepting().IsMatch(sentences[^1]) || Accepting().IsMatch(parts[^1]));
    }

    [GeneratedRegex(@"^(?:(?:fine|okay|ok|alright|all right|right|well|oh|so|anyway|anyhow|but)\W+)*(?:yes|yeah|yep|go on|go ahead|sure|why not|i am interested|what is it(?: about)?|what do you want|tell me(?: more)?|i(?: will|'ll) (?:have|take) it|sign me up|count me in|book (?:me|it|me in|it in)|(?:that )?sounds (?:good|great|fine)|i would like (?:it|that|one)|i (?:still )?want (?:it|that|one))(?:\W+(?:then|please|quickly|quick|if you must|i suppose|i guess|dear|love|mate|thanks|yes|yeah|yep|go on|go ahead|sure|why not|i am interested|what is it(?: about)?|what do you want|tell me(?: more)?|i(?: will|'ll) (?:have|take) it|sign me up|count me in|book (?:me|it|me in|it in)|(?:that )?sounds (?:good|great|fine)|i would like (?:it|that|one)|i (?:still )?want (?:it|that|one)))*\W*$")]
    private static partial Regex Accepting();

    // "No, don't bother", "nah, don't bother, thanks": nothing more than the refusal.
    [GeneratedRegex(@"^\W*(?:(?:no|nah|nope|oh|um|erm|well)\W+)*(?:do not|don't|dont) bother\W*(?:(?:thanks|thank you|cheers|ta|love|mate|really)\W*)*$")]
    private static partial Regex BareDecline();

    // Any word of calls, contact or lists: such a line stays for the opt-out question whatever else it is about.
    [GeneratedRegex(@"\b(?:call\w*|c[aeo]l+ing|ring\w*|rang|rung|phon\w*|contact\w*|dial\w*|number|list|again|bother\w*|pester\w*|harass\w*|hassl\w*|spam\w*|stop(?!s\b|ped\b)\w*|remov\w*|unsubscrib\w*|never|hear from)\b")]
    private static partial Regex CallWord();

    [LoggerMessage(Level = LogLevel.Error, Message = "The semantic opt-out layer failed; the rules answer alone for this line")]
    private static partial void LogSemanticFailed(ILogger logger, Exception exception);
}
