using Campaign.Conversation.Understanding;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Campaign.Conversation.Hosting;

/// <summary>
/// Holds the host's start until the understanding is warm (<see cref="UnderstandingWarmUp"/>), so the first calls the
/// host takes are read as fast as the rest. A warm-up that fails is logged and the host starts anyway: each layer
/// still loads on first use and falls back to the rules if it cannot.
/// </summary>
internal sealed partial class UnderstandingWarmUpService(
    OptOutRecognizer optOuts, SemanticUnderstanding understanding, ILogger<UnderstandingWarmUpService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await UnderstandingWarmUp.RunOnceAsync(optOuts, understanding.Intents).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWarmUpFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the understanding failed; the first lines will load it")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
