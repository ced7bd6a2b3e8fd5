using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Scripts;

/// <summary>The one list of a script's templated texts (everything the agent may say), by their field names.</summary>
internal static class ScriptTexts
{
    /// <summary>A copy of the script with each templated text passed through <paramref name="map"/>.</summary>
    public static ScriptDefinition Map(ScriptDefinition script, Func<string, string, string> map) => script with
    {
        Goal = map("goal", script.Goal ?? ""),
        Opening = map("opening", script.Opening ?? ""),
        TalkingPoints = (script.TalkingPoints ?? []).Select((text, i) => map($"talkingPoints[{i}]", text ?? "")).ToList(),
        Faq = (script.Faq ?? []).Select((faq, i) => faq is null
            ? faq!
            : new ScriptFaq(map($"faq[{i}].question", faq.Question ?? ""), map($"faq[{i}].answer", faq.Answer ?? ""))).ToList(),
        Objections = (script.Objections ?? []).Select((objection, i) => objection is null
            ? objection!
            : new ScriptObjection(map($"objections[{i}].objection", objection.Objection ?? ""), map($"objections[{i}].response", objection.Response ?? ""))).ToList(),
        Closing = map("closing", script.Closing ?? ""),
        CaptureQuestions = (script.CaptureQuestions ?? []).Select((text, i) => map($"captureQuestions[{i}]", text ?? "")).ToList(),
        Disclosure = map("disclosure", script.Disclosure ?? ""),
    };

    public static IReadOnlyList<(string Field, string Text)> Enumerate(ScriptDefinition script)
    {
        var texts = new List<(string, string)>();
        Map(script, (field, text) =>
        {
            texts.Add((field, text));
            return text;
        });
        return texts;
    }
}
