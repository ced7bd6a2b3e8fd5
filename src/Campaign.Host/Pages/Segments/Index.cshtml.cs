using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Segments;

public sealed class SegmentsModel(IGrainFactory grains, ICustomerDirectory directory) : PageModel
{
    public IReadOnlyList<(SegmentDefinition Segment, int? Count)> Segments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var list = new List<(SegmentDefinition, int?)>();
        foreach (var segment in (await grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key).ListAsync()).OrderBy(s => s.Name))
        {
            int? count;
            try
            {
                count = await directory.CountAsync(SegmentCriteriaParser.ParseStored(segment.CriteriaJson), cancellationToken);
            }
            catch (SegmentCriteriaException)
            {
                count = null;
            }

            list.Add((segment, count));
        }

        Segments = list;
    }
}
