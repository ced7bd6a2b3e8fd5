using System.Collections.Concurrent;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;

namespace Campaign.TurnBench;

/// <summary>The script, customers and customer lines the benchmark plays.</summary>
public sealed class BenchScripts : IScriptSource
{
    public const string ScriptId = "scr-outage-follow-up";

    private readonly ConcurrentDictionary<string, ScriptVersion> _scripts = new()
    {
        [ScriptId] = new ScriptVersion(ScriptId, 1, Outage(), DateTimeOffset.UnixEpoch),
    };

    /// <summary>What customers say, one conversation per row: every kind of answer the engine handles.</summary>
    public static readonly string?[][] Dialogues =
    [
        ["Yes, sure, tell me more.", "I'm worried about power cuts at night.", "Yes, it's working now.", "No.", "Yes please, send me more information."],
        ["Maybe, I'm not sure yet.", "No, nothing really.", "Yes.", "No, thanks.", "No, that's fine."],
        ["No, it's still not fixed and I'm fed up.", "Will I get a credit for the outage?", "Yes, I'd like that.", "Yes please.", "Okay, goodbye."],
        ["Why did the power go out?", "Okay, go on.", "My bill is too high.", "Sometimes at night.", "Yes.", "Yes please, send me more information."],
        ["I'm busy right now.", "Tomorrow at 5 pm would be better."],
        ["Who is this?", "What's the weather like?", "I like turtles.", "Bananas."],
        [null, "Sorry, yes, tell me more.", "Please stop calling me. Take me off your list."],
    ];

    public ValueTask<ScriptVersion?> GetAsync(string scriptId, int? version, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_scripts.GetValueOrDefault(scriptId));

    public static CustomerProfile Customer(int index) => new(
        $"C-{index:D5}", $"Customer{index} Silva", $"+1212555{index % 10000:D4}", "Riverside", "12 Mill Rd",
        index % 2 == 0 ? "America/New_York" : "Europe/Lisbon", "en-US", [], new Dictionary<string, string> { ["plan"] = "basic" },
        [new CustomerIssue("electricity", DateTimeOffset.UtcNow.AddDays(-3), "power cuts at night")]);

    private static ScriptDefinition Outage() => new(
        Name: "Outage follow-up",
        Persona: new ScriptPersona("Alex", "Lakeshore Utilities"),
        Goal: "Find out whether the electricity problem the customer reported is fixed, note anything still wrong, and offer a technician visit if it is not.",
        Opening: "Hello {{customer.firstName}}, this is {{persona.agentName}} from {{persona.company}}. I'm calling about the problem you reported on {{customer.latestIssue.reportedAt}}, {{customer.latestIssue.text}}. Is everything working normally now?",
        TalkingPoints:
        [
            "Crews replaced the overloaded transformer that serves {{customer.area}}.",
            "If the power still drops, we can send a technician at no charge.",
            "Outages can be reported at any hour on 1-800-555-0100 or on our website.",
        ],
        Faq:
        [
            new("Will I get a credit for the outage?", "Outages longer than 24 hours qualify for a credit on the next bill."),
            new("Why did the power go out?", "The outages in {{customer.area}} came from an overloaded transformer, which crews have replaced."),
            new("Is this call really from {{persona.company}}?", "Yes. If you prefer, hang up and call us back on the number printed on your bill."),
        ],
        Objections:
        [
            new("I'm busy right now.", "I understand. It takes about a minute, or I can call back at a better time. When would suit you?"),
            new("It's still not fixed and I'm fed up.", "I'm sorry it is still happening. I'll record the details now and ask for a technician visit as a priority."),
            new("Stop calling me.", "Of course. I'll make sure we don't call you again. Thank you for your time."),
        ],
        Closing: "Thank you, {{customer.firstName}}. We've noted your answers. Have a good day.",
        CaptureQuestions: ["Is the power working normally now?", "Has the problem happened again since the repair, and if so when?", "Would you like a technician to visit?"],
        Disclosure: "Before we go on: I'm an automated assistant calling on behalf of {{persona.company}}, and this call may be recorded.",
        MaxTurns: 16,
        MaxSeconds: 300);
}
