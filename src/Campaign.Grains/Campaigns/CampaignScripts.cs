using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Scripts;
using Campaign.Abstractions.Storage;
using Campaign.Conversation.Scripts;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// Checks a campaign's scripts exist and, at start, pins the version each one is at and makes sure every customer
/// of the audience has the data the script's variables need: a blank on the phone is refused before anyone is called.
/// </summary>
public sealed class CampaignScripts(IGrainFactory grains, ICustomerDirectory directory)
{
    public async Task EnsureExistAsync(CampaignDefinition definition)
    {
        foreach (var (scriptId, field) in References(definition))
        {
            if (await grains.GetGrain<IScriptGrain>(scriptId).GetAsync() is null)
            {
                throw new CampaignException($"script '{scriptId}' does not exist", field);
            }
        }
    }

    /// <summary>The latest version of each script, checked against the audience part it will be read to.</summary>
    public async Task<Dictionary<string, int>> PinAsync(CampaignDefinition definition, IReadOnlyList<AudiencePart> parts)
    {
        var pinned = new Dictionary<string, int>();
        foreach (var (scriptId, field) in References(definition))
        {
            var script = await grains.GetGrain<IScriptGrain>(scriptId).GetAsync() ?? throw new CampaignException($"script '{scriptId}' does not exist", field);
            pinned[scriptId] = script.Version;
            var audience = definition.Variants.Count == 0
                ? parts
                : parts.Where(p => definition.Variants.Any(v => v.ScriptId == scriptId && v.SegmentId == p.SegmentId)).ToList();
            foreach (var requirement in ScriptDataRequirements.Of(script.Definition))
            {
                var missing = 0;
                foreach (var part in audience)
                {
                    missing += await directory.CountMissingAsync(part.Criteria, requirement.Data, requirement.AttributeName);
                }

                if (missing > 0)
                {
                    throw new CampaignException(
                        $"{missing} customer(s) in the audience have no {Describe(requirement)}, but the script's {requirement.Field} uses {requirement.Variable}; " +
                        "narrow the audience or change the script",
                        field);
                }
            }
        }

        return pinned;
    }

    private static string Describe(CustomerDataRequirement requirement) => requirement.Data switch
    {
        CustomerData.Area => "area",
        CustomerData.Address => "address",
        CustomerData.Issue => "reported issue",
        _ => $"'{requirement.AttributeName}' attribute",
    };

    private static IEnumerable<(string ScriptId, string Field)> References(CampaignDefinition definition)
    {
        if (definition.ScriptId is { } scriptId)
        {
            yield return (scriptId, "scriptId");
        }

        for (var i = 0; i < definition.Variants.Count; i++)
        {
            if (definition.Variants[i].ScriptId is { } variantScript)
            {
                yield return (variantScript, $"variants[{i}].scriptId");
            }
        }

        var tried = definition.Experiment?.Variants ?? [];
        for (var i = 0; i < tried.Count; i++)
        {
            yield return (tried[i].ScriptId, $"experiment.variants[{i}].scriptId");
        }
    }
}
