using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Campaigns;

internal static partial class CampaignLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: dispatch failed: {Reason}")]
    public static partial void DispatchFailed(ILogger logger, string campaignId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId} paused itself: {Reason}")]
    public static partial void PausedByCompliance(ILogger logger, string campaignId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} could not start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: what became of its start is not known yet, its line stays taken: {Reason}")]
    public static partial void StartUnknown(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} could not be hung up: {Reason}")]
    public static partial void HangUpFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} could not be checked by its campaign's watchdog: {Reason}")]
    public static partial void CheckFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: learned timing unavailable (customer {CustomerId}), calling in due order: {Reason}")]
    public static partial void TimingFailed(ILogger logger, string campaignId, string? customerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: experiment variant {ScriptId} takes no new customers ({Reason})")]
    public static partial void VariantStopped(ILogger logger, string campaignId, string scriptId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: experiment decided, {ScriptId} wins")]
    public static partial void ExperimentDecided(ILogger logger, string campaignId, string scriptId);
}
