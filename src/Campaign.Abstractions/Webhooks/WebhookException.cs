namespace Campaign.Abstractions.Webhooks;

/// <summary>A webhook registration that cannot be saved; <see cref="Field"/> names the request field that is wrong.</summary>
[GenerateSerializer, Alias("Campaign.WebhookException")]
public sealed class WebhookException(string message, string? field = null) : Exception(message)
{
    [Id(0)]
    public string? Field { get; } = field;
}
