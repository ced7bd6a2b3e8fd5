using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Conversation.Hosting;
using Campaign.Conversation.Scripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.Tests.Support;

/// <summary>The conversation agent as the host registers it, with scripts in memory and a clock the test moves.</summary>
public sealed class ConversationHarness : IDisposable
{
    /// <summary>Tuesday 24 November 2026, 21:30 UTC: 16:30 in New York.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 21, 30, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public ConversationHarness(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IScriptSource>(Scripts);
        services.AddConversation(configuration);
        _services = services.BuildServiceProvider();
        Agent = _services.GetRequiredService<IConversationAgent>();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public CapturingLoggerProvider Logs { get; } = new();

    public InMemoryScriptSource Scripts { get; } = new();

    public IConversationAgent Agent { get; }

    public IServiceProvider Services => _services;

    public static CustomerProfile Customer(string timeZone = "America/New_York") =>
        new("C-1", "Ana Silva", "+12125550100", "Riverside", "12 Mill Rd", timeZone, "en-US", [], new Dictionary<string, string> { ["plan"] = "basic" },
            [new CustomerIssue("electricity", Start.AddDays(-3), "power cuts at night")]);

    public ConversationSession Session(ScriptDefinition? script = null, CustomerProfile? customer = null)
    {
        string? id = null;
        if (script is not null)
        {
            id = "scr-" + Guid.NewGuid().ToString("N")[..8];
            Scripts.Save(id, script);
        }

        return new ConversationSession { CallId = "call-" + Guid.NewGuid().ToString("N")[..8], Customer = customer ?? Customer(), ScriptId = id, AnsweredAt = Clock.GetUtcNow() };
    }

    /// <summary>Opens the call, then says each line (null: silence) until the agent ends the call; returns every reply.</summary>
    public async Task<IReadOnlyList<AgentReply>> TalkAsync(ConversationSession session, params string?[] lines)
    {
        var replies = new List<AgentReply> { await Agent.OpenAsync(session) };
        foreach (var line in lines)
        {
            // After a goodbye that listens, a line is heard as said over it; silence hangs up.
            if (replies[^1].EndCall && (!replies[^1].ListensAfter || line is null))
            {
                break;
            }

            Clock.Advance(TimeSpan.FromSeconds(5));
            replies.Add(await Agent.RespondAsync(session, line));
        }

        return replies;
    }

    public Task<CallOutcome> ConcludeAsync(ConversationSession session) => Agent.ConcludeAsync(session);

    public static IReadOnlyList<string> Lines(ConversationSession session, Speaker speaker) =>
        session.Transcript.Where(l => l.Speaker == speaker).Select(l => l.Text).ToList();

    public void Dispose() => _services.Dispose();
}
