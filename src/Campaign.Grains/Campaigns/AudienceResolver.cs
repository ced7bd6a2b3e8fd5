using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Campaigns;

/// <summary>Turns a campaign definition's audience (segment, criteria or per-segment variants) into criteria, checking every reference.</summary>
public sealed class AudienceResolver(IGrainFactory grains)
{
    public async Task<IReadOnlyList<AudiencePart>> ResolveAsync(CampaignDefinition definition)
    {
        var catalog = grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key);
        async Task<AudiencePart> SegmentAsync(string segmentId, string field)
        {
            var segment = await catalog.GetAsync(segmentId) ?? throw new CampaignException($"segment '{segmentId}' does not exist", field);
            return new AudiencePart(segment.Id, SegmentCriteriaParser.ParseStored(segment.CriteriaJson));
        }

        if (definition.Variants.Count > 0)
        {
            var parts = new List<AudiencePart>();
            for (var i = 0; i < definition.Variants.Count; i++)
            {
                parts.Add(await SegmentAsync(definition.Variants[i].SegmentId, $"variants[{i}].segmentId"));
            }

            return parts;
        }

        if (definition.SegmentId is { } id)
        {
            return [await SegmentAsync(id, "segmentId")];
        }

        if (definition.CriteriaJson is { } json)
        {
            try
            {
                return [new AudiencePart(null, SegmentCriteriaParser.Parse(json))];
            }
            catch (SegmentCriteriaException ex)
            {
                throw new CampaignException(ex.Message, ex.Path);
            }
        }

        throw new CampaignException("the campaign needs an audience: segmentId, criteria or variants", "segmentId");
    }
}
