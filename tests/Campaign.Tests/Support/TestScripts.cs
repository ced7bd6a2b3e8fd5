using System.Text.Json;
using Campaign.Abstractions.Scripts;

namespace Campaign.Tests.Support;

public static class TestScripts
{
    public static ScriptDefinition Valid(string name = "Outage follow-up") => new(
        Name: name,
        Persona: new ScriptPersona("Alex", "City Power"),
        Goal: "Check the outage is fixed",
        Opening: "Hello {{customer.firstName}}, this is {{persona.agentName}} from {{persona.company}}.",
        TalkingPoints: ["Crews worked in {{customer.area}} last week."],
        Faq: [new ScriptFaq("Will I get a credit?", "Yes, for outages over a day.")],
        Objections: [new ScriptObjection("I'm busy.", "I can call back later.")],
        Closing: "Thank you, {{customer.firstName}}.",
        CaptureQuestions: ["Is the power back?"],
        Disclosure: "I'm an automated assistant calling on behalf of {{persona.company}}.");

    /// <summary>Compares saved versions field by field; records holding lists compare lists by reference otherwise.</summary>
    public static void Same(ScriptVersion? expected, ScriptVersion? actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
