using System.Text.RegularExpressions;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;

namespace Campaign.Conversation.Scripts;

/// <summary>Decides whether a script can be saved, and whether it suits a given customer.</summary>
public static partial class ScriptValidator
{
    /// <summary>Every problem of the script, in the order of its fields; empty when it can be saved.</summary>
    public static IReadOnlyList<ScriptValidationError> Validate(ScriptDefinition? script)
    {
        if (script is null)
        {
            return [new ScriptValidationError("script", "is missing")];
        }

        var errors = new ScriptErrors();
        errors.PlainText("name", script.Name, ScriptLimits.MaxNameLength);
        if (script.Persona is null)
        {
            errors.Add("persona", "is required: { agentName, company }");
        }
        else
        {
            errors.PlainText("persona.agentName", script.Persona.AgentName, ScriptLimits.MaxPersonaLength);
            errors.PlainText("persona.company", script.Persona.Company, ScriptLimits.MaxPersonaLength, "the agent must say on whose behalf it calls");
        }

        errors.Template("goal", script.Goal);
        errors.Template("opening", script.Opening);
        errors.List("talkingPoints", script.TalkingPoints, errors.Template);
        errors.List("faq", script.Faq, (field, faq) =>
        {
            errors.Template($"{field}.question", faq.Question);
            errors.Template($"{field}.answer", faq.Answer);
        });
        errors.List("objections", script.Objections, (field, objection) =>
        {
            errors.Template($"{field}.objection", objection.Objection);
            errors.Template($"{field}.response", objection.Response);
        });
        errors.Template("closing", script.Closing);
        errors.List("captureQuestions", script.CaptureQuestions, errors.Template);
        errors.Template("disclosure", script.Disclosure, "every call must tell the customer they are speaking to an automated assistant");
        errors.Range("maxTurns", script.MaxTurns, ScriptLimits.MinTurns, ScriptLimits.MaxTurns);
        errors.Range("maxSeconds", script.MaxSeconds, ScriptLimits.MinSeconds, ScriptLimits.MaxSeconds);
        if (string.IsNullOrWhiteSpace(script.Language) || !LanguageTag().IsMatch(script.Language))
        {
            errors.Add("language", $"'{script.Language}' is not a language tag (e.g. {ScriptLimits.DefaultLanguage})");
        }

        if (script.Voice?.Length > ScriptLimits.MaxVoiceLength)
        {
            errors.Add("voice", $"is longer than {ScriptLimits.MaxVoiceLength} characters");
        }

        errors.OptionalTemplate("infoText", script.InfoText, ScriptLimits.MaxInfoTextLength);
        if (script.Transfer is { } transfer)
        {
            ValidateTransfer(transfer, errors);
        }

        return errors.All;
    }

    /// <summary>
    /// The variables that would render blank for this customer, such as <c>{{customer.latestIssue.text}}</c> for a
    /// customer with no issues or <c>{{customer.attributes.plan}}</c> for one without that attribute.
    /// </summary>
    public static IReadOnlyList<ScriptBlankVariable> FindBlankVariables(ScriptDefinition script, CustomerProfile customer)
    {
        var context = new TemplateContext(customer, script.Persona, script.Language);
        return ScriptTexts.Enumerate(script)
            .SelectMany(t => ScriptTemplate.Parse(t.Text).Variables.Distinct().Select(v => (t.Field, Variable: v)))
            .Where(x => context.Resolve(x.Variable) is null)
            .Select(x => new ScriptBlankVariable(x.Field, x.Variable.ToString(), $"{x.Variable} is blank: {context.ExplainBlank(x.Variable)}"))
            .ToList();
    }

    private static void ValidateTransfer(ScriptTransfer transfer, ScriptErrors errors)
    {
        if (string.IsNullOrWhiteSpace(transfer.Number) || !E164().IsMatch(transfer.Number))
        {
            errors.Add("transfer.number", $"'{transfer.Number}' is not a phone number in E.164 form (e.g. +12125550100)");
        }

        if (transfer.Hours is { } hours)
        {
            var problems = new List<ScriptValidationError>();
            TransferSchedule.Parse(hours, problems);
            problems.ForEach(p => errors.Add(p.Field, p.Message));
        }
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
