using Campaign.Abstractions.Campaigns;

namespace Campaign.Grains.Campaigns;

/// <summary>Checks a campaign definition before it is saved or started: limits, audience and scripts.</summary>
public sealed class CampaignValidator(IGrainFactory grains, AudienceResolver audiences, CampaignScripts scripts)
{
    public async Task ValidateAsync(CampaignDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            throw new CampaignException("name is missing", "name");
        }

        var trunk = await grains.GetGrain<ITrunkGrain>(ITrunkGrain.Key).GetStatusAsync();
        if (definition.MaxConcurrentCalls < 1 || definition.MaxConcurrentCalls > trunk.Capacity)
        {
            throw new CampaignException($"maxConcurrentCalls must be between 1 and the trunk capacity ({trunk.Capacity})", "maxConcurrentCalls");
        }

        if (definition.RetryPolicy.MaxAttempts is < 1 or > 20)
        {
            throw new CampaignException("retryPolicy.maxAttempts must be between 1 and 20", "retryPolicy.maxAttempts");
        }

        await audiences.ResolveAsync(definition);
        await scripts.EnsureExistAsync(definition);
    }
}
