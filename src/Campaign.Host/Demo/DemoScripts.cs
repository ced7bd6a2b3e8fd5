using Campaign.Abstractions.Scripts;

namespace Campaign.Host.Demo;

/// <summary>Example scripts for the demo customers: one per kind of campaign a utility runs.</summary>
public static class DemoScripts
{
    public const string Company = "Lakeshore Utilities";

    public static IReadOnlyList<(string Id, ScriptDefinition Definition)> All { get; } =
    [
        ("scr-outage-follow-up", OutageFollowUp()),
        ("scr-water-quality-survey", WaterQualitySurvey()),
        ("scr-smart-meter-upgrade", SmartMeterUpgrade()),
    ];

    private static ScriptDefinition OutageFollowUp() => new(
        Name: "Outage follow-up",
        Persona: new ScriptPersona("Alex", Company),
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
            new("Will I get a credit for the outage?", "Outages longer than 24 hours qualify for a credit on the next bill. I'll note your request and the billing team will confirm it in writing."),
            new("Why did the power go out?", "The outages in {{customer.area}} came from an overloaded transformer, which crews have replaced."),
            new("Is this call really from {{persona.company}}?", "Yes. If you prefer, hang up and call us back on the number printed on your bill."),
        ],
        Objections:
        [
            new("I'm busy right now.", "I understand. It takes about a minute, or I can call back at a better time. When would suit you?"),
            new("It's still not fixed and I'm fed up.", "I'm sorry it is still happening. I'll record the details now and ask for a technician visit as a priority."),
            new("Stop calling me.", "Of course. I'll make sure we don't call you again. Thank you for your time."),
        ],
        Closing: "Thank you, {{customer.firstName}}. We've noted your answers, and if you asked for a technician we'll confirm the visit by text. Have a good day.",
        CaptureQuestions:
        [
            "Is the power working normally now?",
            "Has the problem happened again since the repair, and if so when?",
            "Would you like a technician to visit?",
        ],
        Disclosure: "Before we go on: I'm an automated assistant calling on behalf of {{persona.company}}, and this call may be recorded.",
        MaxTurns: 16,
        MaxSeconds: 300,
        InfoText: "Hi {{customer.firstName}}, this is {{persona.company}}. As promised, what we did about the outages in {{customer.area}} and how to book a technician: example.com/outages. Reply STOP to opt out.",
        Transfer: new ScriptTransfer(SupportDesk, new TransferHours(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"], "08:00", "20:00", "America/New_York")));

    /// <summary>The demo's customer support desk, where the outage script transfers a customer who asks for a person.</summary>
    public const string SupportDesk = "+18005550100";

    /// <summary>The share of the demo's virtual customers who ask for a person (<c>Telephony:Simulator:PersonShare</c>).</summary>
    public const double PersonShare = 0.05;

    private static ScriptDefinition WaterQualitySurvey() => new(
        Name: "Water quality survey",
        Persona: new ScriptPersona("Jordan", Company),
        Goal: "Ask three short questions about the customer's tap water and pressure, and note anyone who wants a free water test.",
        Opening: "Hi {{customer.firstName}}, this is {{persona.agentName}} from {{persona.company}}. We're asking households in {{customer.area}} three quick questions about their tap water. Do you have two minutes?",
        TalkingPoints:
        [
            "We test the water in every area weekly and publish the results on our website.",
            "Any customer can have a free in-home water test.",
            "The answers help us decide where to replace pipes first in {{customer.area}}.",
        ],
        Faq:
        [
            new("Is my water safe to drink?", "Yes. The latest tests for {{customer.area}} met every drinking-water standard. If you notice a change in colour, smell or taste, tell me and we'll send someone to test it."),
            new("How long will this take?", "About two minutes: three questions."),
            new("What do you do with my answers?", "They are used only to plan maintenance and are never shared outside {{persona.company}}."),
        ],
        Objections:
        [
            new("I don't have time.", "No problem. Would another day suit you better, or shall I leave it there?"),
            new("I complained before and nothing happened.", "I'm sorry about that. I'll note it so a supervisor reviews your earlier report, and I can book a free water test today."),
        ],
        Closing: "That's everything. Thank you for helping us improve the water service in {{customer.area}}, {{customer.firstName}}. Goodbye.",
        CaptureQuestions:
        [
            "From 1 to 5, how would you rate the taste and clarity of your tap water?",
            "Have you had low water pressure in the last month?",
            "Would you like a free in-home water test?",
        ],
        Disclosure: "Just so you know, I'm an automated assistant calling on behalf of {{persona.company}}.",
        MaxTurns: 20,
        MaxSeconds: 420);

    private static ScriptDefinition SmartMeterUpgrade() => new(
        Name: "Smart meter upgrade offer",
        Persona: new ScriptPersona("Sam", Company),
        Goal: "Offer a free smart meter to customers who still have an analog meter, and book an installation for those who accept.",
        Opening: "Hello {{customer.firstName}}, this is {{persona.agentName}} from {{persona.company}}. Your home at {{customer.address}} qualifies for a free smart meter upgrade. May I tell you about it?",
        TalkingPoints:
        [
            "The meter and the installation are free; the visit takes about 30 minutes.",
            "No more estimated bills: the meter sends exact readings on its own.",
            "You can follow your daily use in our app and set alerts.",
            "Your {{customer.attributes.plan}} plan stays exactly as it is.",
        ],
        Faq:
        [
            new("Does it cost anything?", "No. The meter and the installation are free, and your rates don't change."),
            new("Will my power be off during the installation?", "For about 15 minutes. The technician will tell you before switching it off."),
            new("What happens to my data?", "Readings are used only for billing and to detect outages, and they are never sold."),
        ],
        Objections:
        [
            new("I'm not interested.", "That's fine. The offer stays open and you can book any time on our website. Thank you for your time."),
            new("I've heard smart meters make bills higher.", "The meter only measures more precisely; it doesn't change your rates. Many customers pay less once estimated readings stop."),
            new("I rent my home.", "You can still have one; we just need the owner's permission. I can text you a form to pass on to them."),
        ],
        Closing: "Thank you, {{customer.firstName}}. If you booked an installation, you'll get a text confirming the date and time. Have a great day.",
        CaptureQuestions:
        [
            "Would you like to book a free smart meter installation?",
            "Which days and times suit you for the visit?",
            "Do you own or rent the property?",
        ],
        Disclosure: "I'm an automated assistant calling on behalf of {{persona.company}}, and this call may be recorded.",
        MaxTurns: 20,
        MaxSeconds: 480);
}
