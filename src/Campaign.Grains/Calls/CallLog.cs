using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Calls;

internal static partial class CallLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: dialling failed: {Reason}")]
    public static partial void DialFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the provider call could not be ended or checked: {Reason}")]
    public static partial void HangUpFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the conversation failed: {Reason}")]
    public static partial void AgentFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the end could not be reported yet: {Reason}")]
    public static partial void ReportFailed(ILogger logger, string callId, string reason);
}
