using Microsoft.Extensions.Logging;

namespace Campaign.Conversation.Model;

/// <summary>
/// The log lines of the model path: one per fault, each naming the call. Every line starts "Model fault on call"
/// so an operator can find them all with one search; none carries the API key.
/// </summary>
public static partial class ModelFaultLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Model fault on call {CallId}: HTTP {Status} on attempt {Attempt} of {MaxAttempts}; {Action}")]
    public static partial void HttpFault(ILogger logger, string callId, int status, int attempt, int maxAttempts, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model fault on call {CallId}: the request failed on attempt {Attempt} of {MaxAttempts} ({Error}); {Action}")]
    public static partial void RequestFault(ILogger logger, string callId, int attempt, int maxAttempts, string error, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model fault on call {CallId}: no answer within the turn's budget of {Seconds} s")]
    public static partial void Timeout(ILogger logger, string callId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model fault on call {CallId}: the model called an unknown tool {Tool}; it was told so")]
    public static partial void UnknownTool(ILogger logger, string callId, string tool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model fault on call {CallId}: the arguments of tool {Tool} are not JSON; it was told so")]
    public static partial void ArgumentsNotJson(ILogger logger, string callId, string tool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model fault on call {CallId}: empty reply on attempt {Attempt}; {Action}")]
    public static partial void EmptyReply(ILogger logger, string callId, int attempt, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model fault on call {CallId}: {Source} gave {Field} '{Value}', which is not one of {Allowed}; {Action}")]
    public static partial void OutOfSetValue(ILogger logger, string callId, string source, string field, string value, string allowed, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model fault on call {CallId}: the outcome extraction is malformed ({Reason}); the transcript rules answer instead")]
    public static partial void MalformedExtraction(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model fault on call {CallId}: the outcome extraction failed ({Failure}: {Detail}); the transcript rules answer instead")]
    public static partial void ExtractionFailed(ILogger logger, string callId, string failure, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model fault on call {CallId}: the conversation model failed for good ({Failure}: {Detail}); the call ends with an apology")]
    public static partial void ModelFailed(ILogger logger, string callId, string failure, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: the model said goodbye without calling end_call; the call ends after this reply")]
    public static partial void GoodbyeWithoutEndCall(ILogger logger, string callId);
}
