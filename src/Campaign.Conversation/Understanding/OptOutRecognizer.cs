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
public sealed partial class OptOutRecognizer(IOptOutScorer? semantic, ILogger<OptOutRecognizer>? logger = null)
{
    private int _failures;

    /// <summary>The rules alone.</summary>
    public static OptOutRecognizer RulesOnly { get; } = new(null);

    /// <summary>Whether a semantic layer backs the rules.</summary>
    public bool IsSemantic => semantic is not null;

    public OptOutSignal Classify(string? text)
    {
        var rules = OptOutDetector.Classify(text);
        if (rules != OptOutSignal.None || semantic is null || !OptOutDetector.MayConcernCalls(text) || UtteranceAnalyzer.AsksForCallbackOrIdentity(text!)
            || OfferDecline.IsOfferDecline(text!))
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The semantic opt-out layer failed; the rules answer alone for this line")]
    private static partial void LogSemanticFailed(ILogger logger, Exception exception);
}
