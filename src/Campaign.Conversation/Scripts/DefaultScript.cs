using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Scripts;

/// <summary>The script of campaigns that name none: a short, polite follow-up on the customer's latest issue.</summary>
public static class DefaultScript
{
    public static ScriptDefinition Create(string company, string agentName) => new(
        Name: "Default follow-up",
        Persona: new ScriptPersona(agentName, company),
        Goal: "Follow up on the customer's {{customer.latestIssue.category}} service: find out whether they are interested in hearing more, note any concerns, and offer to send more information.",
        Opening: "Hello {{customer.firstName}}, this is {{persona.agentName}} from {{persona.company}}, following up on your {{customer.latestIssue.category}} service. Do you have a minute to talk?",
        TalkingPoints:
        [
            "We're checking in with customers in {{customer.area}} to make sure any problems have been resolved.",
            "If anything is still wrong, we can arrange for someone to look into it.",
        ],
        Faq:
        [
            new("Who is calling?", "I'm an automated assistant calling on behalf of {{persona.company}}."),
            new("Why are you calling me?", "We're following up on your {{customer.latestIssue.category}} service to make sure everything is working for you."),
            new("How did you get my number?", "It's the number on your {{persona.company}} account."),
        ],
        Objections:
        [
            new("I'm busy right now.", "I understand. When would be a better time to call you back?"),
            new("I'm not interested.", "That's fine, thank you for letting me know."),
        ],
        Closing: "Thank you for your time, {{customer.firstName}}. Goodbye.",
        CaptureQuestions: [],
        Disclosure: "I'm an automated assistant calling on behalf of {{persona.company}}.",
        MaxTurns: 12,
        MaxSeconds: 600);
}
