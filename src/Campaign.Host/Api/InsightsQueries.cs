using Campaign.Abstractions.Insights;
using Campaign.Abstractions.Segments;
using Campaign.Abstractions.Storage;

namespace Campaign.Host.Api;

/// <summary>
/// Insights across campaigns, for the API and the Insights page: one streamed pass over the calls in the range (columns
/// only), then the profiles of the customers called for their areas, issue categories and tags, and each saved
/// segment's members read page by page (do-not-call customers included: an opt-out stays in the segment it came from).
/// </summary>
public sealed class InsightsQueries(ICallStore calls, ICustomerDirectory directory, IGrainFactory grains)
{
    private const int PageSize = 1000;
    private const int ReadParallelism = 8;

    /// <summary>Up to how many customers called their profiles are read one by one, whatever the directory's size.</summary>
    internal int DirectReads { get; init; } = 5000;

    /// <summary>Profiles are also read one by one while the customers called are at most one in this many of the directory.</summary>
    internal int DirectShare { get; init; } = 10;

    public async Task<(int Calls, IReadOnlyList<SegmentInsight> Items)> SegmentsAsync(InsightsRange range, CancellationToken cancellationToken)
    {
        var tally = new InsightsTally();
        await foreach (var call in calls.InsightCallsAsync(range.From, range.Until, cancellationToken))
        {
            tally.Add(call);
        }

        var groups = new InsightGroups();
        if (tally.Calls == 0)
        {
            return (0, []);
        }

        await AddProfilesAsync(tally, groups, cancellationToken);

        foreach (var segment in await Catalog.ListAsync())
        {
            var group = new InsightGroup(InsightKind.Segment, segment.Id, segment.Name);
            groups.Declare(group);
            await foreach (var customer in CustomersAsync(SegmentCriteriaParser.ParseStored(segment.CriteriaJson), cancellationToken))
            {
                if (tally.Called(customer.Id))
                {
                    groups.Add(group, customer.Id);
                }
            }
        }

        return (tally.Calls, tally.Rank(groups));
    }

    /// <summary>
    /// Puts each customer called in their area, issue categories and tags: by reading their profiles one by one when
    /// they are few next to the directory (at most <see cref="DirectReads"/>, or one in <see cref="DirectShare"/>), else by reading the
    /// whole directory page by page.
    /// </summary>
    private async Task AddProfilesAsync(InsightsTally tally, InsightGroups groups, CancellationToken cancellationToken)
    {
        var called = tally.Customers.Count;
        if (called <= DirectReads || (long)called * DirectShare <= await directory.CountAllAsync(cancellationToken))
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(tally.Customers, options, async (id, token) =>
            {
                if (await directory.GetAsync(id, token) is { } profile)
                {
                    lock (groups)
                    {
                        groups.AddProfile(id, profile.Area, profile.Issues.Select(i => i.Category), profile.Tags);
                    }
                }
            });
            return;
        }

        await foreach (var customer in CustomersAsync(new AllCriteria([]), cancellationToken))
        {
            if (tally.Called(customer.Id))
            {
                groups.AddProfile(customer.Id, customer.Area, customer.IssueCategories, customer.Tags);
            }
        }
    }

    /// <summary>
    /// The answer rate by local weekday × hour of the calls to a group's customers (<paramref name="segment"/>: a saved
    /// segment's id, or <c>area:</c>, <c>issueCategory:</c> or <c>tag:</c> and its key), or of every call when left out;
    /// null when there is no such segment, or no customer in that area, issue category or tag.
    /// </summary>
    public async Task<(InsightGroup? Group, TimingGrid Grid)?> TimingAsync(string? segment, InsightsRange range, CancellationToken cancellationToken)
    {
        var grid = new TimingGrid();
        if (string.IsNullOrWhiteSpace(segment))
        {
            await foreach (var call in calls.InsightCallsAsync(range.From, range.Until, cancellationToken))
            {
                grid.Add(call);
            }

            return (null, grid);
        }

        if (await ResolveAsync(segment.Trim()) is not { } resolved)
        {
            return null;
        }

        var members = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var customer in CustomersAsync(resolved.Criteria, cancellationToken))
        {
            members.Add(customer.Id);
        }

        if (members.Count == 0 && resolved.Group.Kind != InsightKind.Segment)
        {
            return null;
        }

        await foreach (var call in calls.InsightCallsAsync(range.From, range.Until, cancellationToken))
        {
            if (members.Contains(call.CustomerId) || (resolved.Group.Kind == InsightKind.Segment && call.SegmentId == resolved.Group.Key))
            {
                grid.Add(call);
            }
        }

        return (resolved.Group, grid);
    }

    /// <summary>The reference a timing request or a page link uses for a group: the saved segment's id, else kind:key.</summary>
    public static string Reference(InsightGroup group) =>
        group.Kind == InsightKind.Segment ? group.Key : $"{JsonName(group.Kind)}:{group.Key}";

    public static string JsonName(InsightKind kind) => kind switch
    {
        InsightKind.Segment => "segment",
        InsightKind.Area => "area",
        InsightKind.IssueCategory => "issueCategory",
        _ => "tag",
    };

    private async Task<(InsightGroup Group, SegmentCriteria Criteria)?> ResolveAsync(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && reference[(colon + 1)..].Trim() is { Length: > 0 } key)
        {
            var kind = reference[..colon];
            SegmentCriteria? criteria = kind switch
            {
                "area" => new AreaCriteria([key]),
                "issueCategory" => new IssueCategoryCriteria(key, null),
                "tag" => new TagCriteria(key),
                _ => null,
            };
            if (criteria is not null)
            {
                var group = kind switch
                {
                    "area" => InsightKind.Area,
                    "issueCategory" => InsightKind.IssueCategory,
                    _ => InsightKind.Tag,
                };
                return (new InsightGroup(group, key, key), criteria);
            }
        }

        return await Catalog.GetAsync(reference) is { } saved
            ? (new InsightGroup(InsightKind.Segment, saved.Id, saved.Name), SegmentCriteriaParser.ParseStored(saved.CriteriaJson))
            : null;
    }

    private ISegmentCatalogGrain Catalog => grains.GetGrain<ISegmentCatalogGrain>(ISegmentCatalogGrain.Key);

    private async IAsyncEnumerable<CustomerSummary> CustomersAsync(
        SegmentCriteria criteria, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await directory.QueryAsync(criteria, skip, PageSize, includeDoNotCall: true, cancellationToken);
            foreach (var customer in page.Items)
            {
                yield return customer;
            }

            if (page.Items.Count < PageSize)
            {
                yield break;
            }
        }
    }
}
