using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Hosting;
using Campaign.Conversation.Scripts;
using Campaign.Conversation.Understanding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaign.Conversation.Agent;

/// <summary>
/// Loads a call's script (its pinned version, else the latest, which is then pinned in the session's memory; the
/// built-in script when the campaign has none or it cannot be read) and prepares it for the customer. The result is
/// kept for as long as the session object lives, so later turns of a live call do no rendering.
/// </summary>
public sealed partial class ScriptPreparer(IScriptSource source, IOptions<ConversationOptions> options, ILogger<ScriptPreparer> logger, SemanticUnderstanding? semantics = null)
{
    private const string DefaultQuestion = "Would you like to hear more?";
    private readonly ConditionalWeakTable<ConversationSession, PreparedScript> _prepared = [];

    public ValueTask<PreparedScript> PrepareAsync(ConversationSession session, CancellationToken cancellationToken = default) =>
        PrepareAsync(session, session.Memory, cancellationToken);

    /// <summary>The session's script; a version pinned now, or the reason for the fallback, is written into <paramref name="memory"/>.</summary>
    public async ValueTask<PreparedScript> PrepareAsync(ConversationSession session, AgentMemory memory, CancellationToken cancellationToken = default)
    {
        if (_prepared.TryGetValue(session, out var prepared))
        {
            return prepared;
        }

        var (id, version, definition) = await LoadAsync(session, memory, cancellationToken);
        prepared = Prepare(id, version, definition, session);
        _prepared.AddOrUpdate(session, prepared);
        return prepared;
    }

    private async ValueTask<(string? Id, int? Version, ScriptDefinition Definition)> LoadAsync(ConversationSession session, AgentMemory memory, CancellationToken cancellationToken)
    {
        var fallback = DefaultScript.Create(options.Value.DefaultCompany, options.Value.DefaultAgentName);
        if (session.ScriptId is not { } scriptId)
        {
            return (null, null, fallback);
        }

        var pinned = session.ScriptVersion ?? memory.ScriptVersion;
        try
        {
            if (await source.GetAsync(scriptId, pinned, cancellationToken) is { } found)
            {
                memory.ScriptVersion = found.Version;
                return (scriptId, found.Version, found.Definition);
            }

            memory.ScriptFallback = $"script '{scriptId}' version {pinned?.ToString(CultureInfo.InvariantCulture) ?? "latest"} does not exist";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            memory.ScriptFallback = $"script '{scriptId}' could not be read: {ex.Message}";
        }

        LogFallback(logger, scriptId, memory.ScriptFallback);
        return (null, null, fallback);
    }

    private PreparedScript Prepare(string? id, int? version, ScriptDefinition definition, ConversationSession session)
    {
        var customer = session.Customer;
        var script = ScriptRenderer.Render(definition, customer).Script;
        var issue = customer.Issues.LastOrDefault(i => !string.IsNullOrWhiteSpace(i.Category))?.Category;
        var zone = CustomerClock.Zone(customer.TimeZone);
        return new PreparedScript
        {
            ScriptId = id,
            Version = version,
            Script = script,
            Customer = customer,
            Zone = zone,
            Knowledge = new ScriptKnowledge(script, customer) { Semantics = semantics?.Intents },
            OpeningLine = OpeningLine(script),
            OpeningQuestion = Questions().Matches(script.Opening).LastOrDefault()?.Value.Trim() ?? DefaultQuestion,
            ConcernsQuestion = $"Is there anything about {(issue is null ? "this" : $"your {issue} service")} that worries you?",
            Instructions = SystemPrompt.Instructions(script, customer, zone),
        };
    }

    // The disclosure comes first, and the customer hears on whose behalf the call is before anything else is asked.
    private static string OpeningLine(ScriptDefinition script)
    {
        var company = script.Persona.Company;
        var named = script.Disclosure.Contains(company, StringComparison.OrdinalIgnoreCase) ||
                    script.Opening.Contains(company, StringComparison.OrdinalIgnoreCase);
        var identification = named ? "" : $" I'm calling on behalf of {company}.";
        return $"{Sentence(script.Disclosure)}{identification} {script.Opening}".Trim();
    }

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || ".!?".Contains(trimmed[^1]) ? trimmed : trimmed + ".";
    }

    [GeneratedRegex(@"[^.!?]*\?")]
    private static partial Regex Questions();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Using the built-in script instead of '{ScriptId}': {Reason}")]
    private static partial void LogFallback(ILogger logger, string scriptId, string reason);
}
