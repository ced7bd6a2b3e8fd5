using Microsoft.SemanticKernel;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Campaign.Conversation.Agent;

/// <summary>How a model failure is described: briefly in the call's outcome, in full (without the API key) in logs.</summary>
public static class ModelErrors
{
    /// <summary>A short description for the outcome summary: <c>timeout</c>, <c>error: HTTP 500</c>, <c>error: empty reply</c>, ….</summary>
    public static string Describe(Exception exception) => exception switch
    {
        OperationCanceledException or TimeoutRejectedException => "timeout",
        BrokenCircuitException => "error: the model is refused for a while after repeated failures",
        Model.EmptyReplyException => "error: empty reply",
        HttpOperationException { StatusCode: { } status } => $"error: HTTP {(int)status}",
        HttpOperationException => "error: the model could not be reached",
        _ => $"error: {exception.GetType().Name}",
    };

    /// <summary>The turn's budget ran out: the agent's own cancellation or the HTTP pipeline's timeout, whichever came first.</summary>
    public static bool IsTimeout(Exception exception) => exception is OperationCanceledException or TimeoutRejectedException;

    /// <summary>The exception's message with the API key blanked out, should a server echo it.</summary>
    public static string Redact(Exception exception, string? apiKey) =>
        string.IsNullOrEmpty(apiKey) ? exception.Message : exception.Message.Replace(apiKey, "***", StringComparison.Ordinal);
}
