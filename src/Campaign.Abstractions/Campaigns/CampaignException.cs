namespace Campaign.Abstractions.Campaigns;

/// <summary>A campaign request that cannot be carried out; <see cref="Conflict"/> when the campaign's state forbids it.</summary>
[GenerateSerializer, Alias("Campaign.CampaignException")]
public sealed class CampaignException(string message, string? field = null, bool conflict = false) : Exception(message)
{
    [Id(0)]
    public string? Field { get; } = field;

    [Id(1)]
    public bool Conflict { get; } = conflict;
}
