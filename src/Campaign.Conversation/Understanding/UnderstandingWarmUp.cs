using Campaign.Abstractions.Customers;
using Campaign.Conversation.Scripts;

namespace Campaign.Conversation.Understanding;

/// <summary>
/// Reads a few made-up caller lines once per process before the first call, so no caller waits for what only the first
/// lines pay: loading the sentence model and the examples, the model's first runs (which size its buffers to the
/// longest line), and the first compilation of the rules. Without it the first turns of a process took 0.1–2.5 s.
/// </summary>
public static class UnderstandingWarmUp
{
    // Short and long, with and without a word about calls, concerns in two clauses, a time: every path of a turn.
    private static readonly string[] Lines =
    [
        "Yes, go on.",
        "Hmm, I'm not so sure about that, to be honest.",
        "The heating timer keeps resetting itself and the hallway light hums.",
        "Could you ring me on Wednesday after four instead?",
        "Why do you people keep phoning this number every single week?",
        "Well I was out in the garden when the phone went, and honestly the thing that bothers me most is the meter cupboard, it's damp and the door doesn't shut, so I don't know, maybe send something and I'll have a look at the weekend.",
    ];

    /// <summary>The made-up customer the warm-up lines and the warm-up call are read for.</summary>
    internal static readonly CustomerProfile Customer = new(
        "warm-up", "Sam Taylor", "+12125550199", null, null, "Europe/London", "en-GB", [], new Dictionary<string, string>(), []);

    private static readonly Lock Gate = new();
    private static Task? _run;

    /// <summary>Runs the warm-up on a pool thread the first time it is asked for; later calls get the same task.</summary>
    public static Task RunOnceAsync(OptOutRecognizer optOuts, SemanticIntents? intents)
    {
        lock (Gate)
        {
            return _run ??= Task.Run(() => Run(optOuts, intents));
        }
    }

    private static void Run(OptOutRecognizer optOuts, SemanticIntents? intents)
    {
        var script = ScriptRenderer.Render(DefaultScript.Create("Warm-up Energy", "Sam"), Customer).Script;
        var knowledge = new ScriptKnowledge(script, Customer) { Semantics = intents };
        var zone = CustomerClock.Zone(Customer.TimeZone);
        foreach (var line in Lines)
        {
            optOuts.Classify(line, answersOffer: false);
            OptOutConfirmation.Read(line);
            UtteranceAnalyzer.Analyze(line, knowledge);
            CallbackTimeParser.Resolve(line, DateTimeOffset.UtcNow, zone);
            if (intents is not null)
            {
                foreach (var task in Enum.GetValues<IntentTask>())
                {
                    intents.Confident(task, line);
                }

                intents.ConcernTopics(line);
            }
        }
    }
}
