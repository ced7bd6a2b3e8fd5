using System.Diagnostics;
using Campaign.Abstractions.Conversation;
using Campaign.Conversation.Hosting;
using Campaign.Conversation.Scripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaign.ConversationEval.Eval;

/// <summary>
/// The conversation agent exactly as the host registers it (<see cref="ConversationServices.AddConversation"/>, so the
/// same agent, outcome extraction and start-up warm-up as a real call), on <see cref="EvalScript"/> with a clock that stands still between
/// the caller's lines. <paramref name="settings"/> are the host's configuration keys (<c>Conversation:Provider</c>,
/// <c>Conversation:OpenAI:*</c>); none means the offline engine.
/// </summary>
public sealed class EvalAgent : IDisposable
{
    /// <summary>How far the clock moves between two lines of a dialogue.</summary>
    public static readonly TimeSpan LineGap = TimeSpan.FromSeconds(5);

    private readonly EvalClock _clock = new(EvalScript.AnsweredAt);
    private readonly ServiceProvider _services;
    private bool _started;

    public EvalAgent(IReadOnlyDictionary<string, string?>? settings = null, ILoggerFactory? logging = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton(logging ?? NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<IScriptSource, EvalScript>();
        services.AddConversation(configuration);
        _services = services.BuildServiceProvider();
    }

    private IConversationAgent Agent => _services.GetRequiredService<IConversationAgent>();

    /// <summary>Plays every dialogue as a call and returns what each recorded.</summary>
    public async Task<IReadOnlyList<DialogueResult>> RunAsync(EvalCorpus corpus, CancellationToken cancellationToken = default)
    {
        var results = new List<DialogueResult>(corpus.Dialogues.Count);
        foreach (var dialogue in corpus.Dialogues)
        {
            results.Add(await RunAsync(dialogue, cancellationToken));
        }

        return results;
    }

    public async Task<DialogueResult> RunAsync(EvalDialogue dialogue, CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        _clock.Set(EvalScript.AnsweredAt);
        var session = new ConversationSession
        {
            Customer = EvalScript.Customer,
            CallId = "eval-" + dialogue.Id,
            ScriptId = EvalScript.ScriptId,
            ScriptVersion = 1,
            AnsweredAt = _clock.GetUtcNow(),
        };
        var agent = Agent;
        var reply = await agent.OpenAsync(session, cancellationToken);
        var turns = new List<TimeSpan>();
        foreach (var line in dialogue.Lines)
        {
            // A goodbye leaves the line open a moment: the next line is heard as said over it, silence hangs up.
            if (reply.EndCall && (!reply.ListensAfter || string.IsNullOrWhiteSpace(line)))
            {
                break;
            }

            _clock.Advance(LineGap);
            var watch = Stopwatch.StartNew();
            reply = await agent.RespondAsync(session, line, cancellationToken);
            turns.Add(watch.Elapsed);
        }

        var outcome = await agent.ConcludeAsync(session, cancellationToken);
        var transcript = session.Transcript.Select(t => $"{t.Speaker}: {t.Text}").ToList();
        return new DialogueResult(dialogue, PredictedOutcome.From(outcome, EvalScript.TimeZone), turns, transcript);
    }

    /// <summary>Starts the registered hosted services (the understanding's warm-up) once, as the host does before its first call.</summary>
    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return;
        }

        foreach (var service in _services.GetServices<IHostedService>())
        {
            await service.StartAsync(cancellationToken);
        }

        _started = true;
    }

    public void Dispose() => _services.Dispose();
}
