using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Scripts;
using Campaign.Grains;

namespace Campaign.Host.Api;

/// <summary>
/// A test call from the script editor: the agent a real call uses, on the same script version and the same rendering,
/// fed the caller's lines instead of speech. Nothing is dialled and nothing is stored; the outcome is what a call would
/// record.
/// </summary>
public sealed class ScriptTestRunner(IConversationAgent agent, [FromKeyedServices(EngineClock.Key)] TimeProvider clock)
{
    public const int MaxLines = 50;
    public const int MaxLineLength = 2000;

    /// <summary>Someone to talk to when no customer is chosen: every fixed variable has a value.</summary>
    public static CustomerProfile SampleCustomer { get; } = new(
        "sample", "Jordan Sample", "+12125550100", "Riverside", "1 Main St", "America/New_York", "en-US", [],
        new Dictionary<string, string>(), [new CustomerIssue("electricity", null, "power cuts at night")]);

    /// <summary>The first line that cannot be used, as a field and a message; null when all can.</summary>
    public static (string Field, string Message)? Check(IReadOnlyList<string?>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            return ("lines", "give at least one caller line");
        }

        if (lines.Count > MaxLines)
        {
            return ("lines", $"at most {MaxLines} caller lines");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null)
            {
                return ($"lines[{i}]", "a line is text; an empty line is silence");
            }

            if (lines[i]!.Length > MaxLineLength)
            {
                return ($"lines[{i}]", $"a line is at most {MaxLineLength} characters");
            }
        }

        return null;
    }

    public async Task<ScriptTestResult> RunAsync(ScriptVersion script, CustomerProfile customer, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        var session = new ConversationSession
        {
            Customer = customer,
            CallId = "test-" + Guid.NewGuid().ToString("N")[..12],
            ScriptId = script.ScriptId,
            ScriptVersion = script.Version,
            AnsweredAt = clock.GetUtcNow(),
        };
        var reply = await agent.OpenAsync(session, cancellationToken);
        var used = 0;
        // After a goodbye that listens, the next line is heard as said over it; a silence there hangs up.
        while (used < lines.Count && (!reply.EndCall || (reply.ListensAfter && !string.IsNullOrWhiteSpace(lines[used]))))
        {
            var line = lines[used++];
            reply = await agent.RespondAsync(session, string.IsNullOrWhiteSpace(line) ? null : line, cancellationToken);
        }

        var outcome = await agent.ConcludeAsync(session, cancellationToken);
        var turns = session.Transcript.Select(t => new ScriptTestTurn(t.Speaker, t.Text)).ToList();
        return new ScriptTestResult(script.ScriptId, script.Version, customer.Id, turns, outcome, reply.EndCall, lines.Count - used);
    }
}

public sealed record ScriptTestRequest(string? CustomerId, IReadOnlyList<string?>? Lines);

public sealed record ScriptTestTurn(Speaker Speaker, string Text);

/// <summary>
/// A test call: every line said (<see cref="Turns"/>), the outcome a call would record, whether the agent ended the
/// call, and how many caller lines were left unsaid because it did.
/// </summary>
public sealed record ScriptTestResult(
    string ScriptId,
    int Version,
    string CustomerId,
    IReadOnlyList<ScriptTestTurn> Turns,
    CallOutcome Outcome,
    bool Ended,
    int LinesUnused);
