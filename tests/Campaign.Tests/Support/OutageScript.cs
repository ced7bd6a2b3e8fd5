using Campaign.Abstractions.Scripts;

namespace Campaign.Tests.Support;

/// <summary>A full script, shaped like the demo outage follow-up, for conversation tests.</summary>
public static class OutageScript
{
    public const string Disclosure = "I'm an automated assistant calling on behalf of Lakeshore Utilities, and this call may be recorded.";
    public const string CreditAnswer = "Outages longer than 24 hours qualify for a credit on the next bill.";
    public const string FedUpResponse = "I'm sorry it is still happening. I'll record the details now and ask for a technician visit as a priority.";
    public const string Closing = "Thank you, Ana. Have a good day.";

    public static ScriptDefinition Definition(int maxTurns = 16, int maxSeconds = 300) => new(
        Name: "Outage follow-up",
        Persona: new ScriptPersona("Alex", "Lakeshore Utilities"),
        Goal: "Find out whether the electricity problem the customer reported is fixed.",
        Opening: "Hello {{customer.firstName}}, this is {{persona.agentName}} from {{persona.company}}. I'm calling about {{customer.latestIssue.text}}. Is everything working normally now?",
        TalkingPoints:
        [
            "Crews replaced the overloaded transformer that serves {{customer.area}}.",
            "If the power still drops at night, we can send a technician at no charge.",
        ],
        Faq:
        [
            new("Will I get a credit for the outage?", CreditAnswer),
            new("Why did the power go out?", "The outages in {{customer.area}} came from an overloaded transformer."),
        ],
        Objections:
        [
            new("I'm busy right now.", "I understand. It takes about a minute, or I can call back at a better time. When would suit you?"),
            new("It's still not fixed and I'm fed up.", FedUpResponse),
            new("Stop calling me.", "Of course. I'll make sure we don't call you again."),
        ],
        Closing: "Thank you, {{customer.firstName}}. Have a good day.",
        CaptureQuestions: ["Is the power working normally now?", "Would you like a technician to visit?"],
        Disclosure: "I'm an automated assistant calling on behalf of {{persona.company}}, and this call may be recorded.",
        MaxTurns: maxTurns,
        MaxSeconds: maxSeconds);
}
