using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EndpointId}: delivery {DeliveryId} ({EventType}) attempt {Attempts} failed: {Error}; now {Status}")]
    public static partial void AttemptFailed(ILogger logger, string endpointId, string deliveryId, string eventType, int attempts, string error, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EndpointId}: sending stopped and will resume: {Reason}")]
    public static partial void SendFailed(ILogger logger, string endpointId, string reason);
}
