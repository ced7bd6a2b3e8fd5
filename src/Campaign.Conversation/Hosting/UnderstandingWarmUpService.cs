using Campaign.Abstractions.Conversation;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaign.Conversation.Hosting;

/// <summary>
/// Holds the host's start until the understanding is warm (<see cref="UnderstandingWarmUp"/>) and, with the offline
/// engine, until one made-up call on the built-in script has run through the agent, so the first calls the host takes
/// are read as fast as the rest. A warm-up that fails is logged and the host starts anyway: each layer still loads on
/// first use and falls back to the rules if it cannot.
/// </summary>
internal sealed partial class UnderstandingWarmUpService(
    IServiceProvider services, OptOutRecognizer optOuts, SemanticUnderstanding understanding, ILogger<UnderstandingWarmUpService> logger) : IHostedService
{
    private static readonly string[] CallerLines = ["Hmm, maybe, what does it involve?", "The sockets spark a bit, and the bill is high.", "Yes please, email it."];

    private static int _played;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await UnderstandingWarmUp.RunOnceAsync(optOuts, understanding.Intents).WaitAsync(cancellationToken);
            await PlayOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWarmUpFailed(logger, ex);
        }
    }

    // Only the offline engine: a language model is not asked anything before a real call.
    private async Task PlayOnceAsync(CancellationToken cancellationToken)
    {
        var options = services.GetService<IOptions<ConversationOptions>>()?.Value;
        var offline = options is null || ConversationServices.Validate(options) == ConversationProviders.Offline;
        if (!offline || services.GetService<IConversationAgent>() is not KernelConversationAgent agent || Interlocked.Exchange(ref _played, 1) == 1)
        {
            return;
        }

        var session = new ConversationSession { Customer = UnderstandingWarmUp.Customer, CallId = "warm-up", AnsweredAt = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow() };
        await agent.OpenAsync(session, cancellationToken);
        foreach (var line in CallerLines)
        {
            await agent.RespondAsync(session, line, cancellationToken);
        }

        await agent.ConcludeAsync(session, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the understanding failed; the first lines will load it")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
