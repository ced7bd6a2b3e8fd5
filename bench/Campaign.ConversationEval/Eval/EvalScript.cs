using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Scripts;

namespace Campaign.ConversationEval.Eval;

/// <summary>
/// The call every corpus dialogue answers: a utility's offer of a free electrical safety inspection to a customer in
/// New York who reported power cuts at night, answered on Tuesday 24 November 2026 at 10:00 local time. The script
/// follows the usual shape: disclosure and identity, the reason for the call, the interest question, concerns, the
/// offer of more information.
/// </summary>
public sealed class EvalScript : IScriptSource
{
    public const string ScriptId = "eval-inspection";

    /// <summary>Tuesday 24 November 2026, 15:00 UTC: 10:00 in New York.</summary>
    public static readonly DateTimeOffset AnsweredAt = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    public const string TimeZone = "America/New_York";

    public static CustomerProfile Customer { get; } = new(
        "eval-customer", "Ana Silva", "+12125550100", "Riverside", "12 Mill Rd", TimeZone, "en-US", [],
        new Dictionary<string, string>(), [new CustomerIssue("electricity", AnsweredAt.AddDays(-5), "power cuts at night")]);

    public static ScriptDefinition Definition { get; } = new(
        Name: "Electrical safety inspection",
        Persona: new ScriptPersona("Alex", "Lakeshore Utilities"),
        Goal: "Offer a free electrical safety inspection, note the customer's concerns and what they want next.",
        Opening: "Hello {{customer.firstName}}, this is {{persona.agentName}} from {{persona.company}}. After the power cuts in {{customer.area}}, we're offering a free electrical safety inspection at home. Would you be interested?",
        TalkingPoints:
        [
            "A qualified electrician checks your wiring, fuse box and outlets in about an hour.",
            "The inspection is free for customers in {{customer.area}} this winter.",
        ],
        Faq:
        [
            new("How much does the inspection cost?", "The inspection is free; any repair is quoted before anything is done."),
            new("How long does the inspection take?", "About an hour."),
            new("Who does the inspection?", "A qualified electrician working for {{persona.company}}."),
        ],
        Objections:
        [
            new("I'm busy right now.", "I understand. When would be a better time to call you back?"),
            new("I'm not interested.", "That's fine, thank you for letting me know."),
        ],
        Closing: "Thank you for your time, {{customer.firstName}}. Goodbye.",
        CaptureQuestions: [],
        Disclosure: "I'm an automated assistant calling on behalf of {{persona.company}}, and this call may be recorded.",
        MaxTurns: 12,
        MaxSeconds: 600);

    private static readonly ScriptVersion Version = new(ScriptId, 1, Definition, AnsweredAt.AddDays(-30));

    public ValueTask<ScriptVersion?> GetAsync(string scriptId, int? version, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(scriptId == ScriptId && version is null or 1 ? Version : null);
}
