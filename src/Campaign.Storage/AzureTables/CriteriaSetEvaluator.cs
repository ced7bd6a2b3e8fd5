using Campaign.Abstractions.Segments;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Evaluates a criteria tree as set operations over the index: each leaf reads the rows of one index key (a time
/// criterion keeps the customers whose value is recent enough), <c>all</c> intersects, <c>any</c> unites, <c>not</c>
/// complements. The conditions of one <c>all</c> or <c>any</c> are read at the same time.
/// </summary>
internal sealed class CriteriaSetEvaluator(PostingTable index, DateTimeOffset now)
{
    public async Task<MatchSet> EvaluateAsync(SegmentCriteria criteria, CancellationToken cancellationToken)
    {
        switch (criteria)
        {
            case AllCriteria all:
                return (await Task.WhenAll(all.Items.Select(item => EvaluateAsync(item, cancellationToken))))
                    .Aggregate(MatchSet.Everyone, (result, item) => result.And(item));
            case AnyCriteria any:
                return (await Task.WhenAll(any.Items.Select(item => EvaluateAsync(item, cancellationToken))))
                    .Aggregate(MatchSet.Nobody, (result, item) => result.Or(item));
            case NotCriteria not:
                return (await EvaluateAsync(not.Inner, cancellationToken)).Not();
            case IssueCategoryCriteria issue:
                return await ReadAsync(PostingKeys.Issue(issue.Category), issue.WithinDays, cancellationToken);
            case AreaCriteria area:
                return (await Task.WhenAll(area.Areas.Distinct(StringComparer.OrdinalIgnoreCase)
                        .Select(name => ReadAsync(PostingKeys.Area(name), null, cancellationToken))))
                    .Aggregate(MatchSet.Nobody, (result, found) => result.Or(found));
            case TagCriteria tag:
                return await ReadAsync(PostingKeys.Tag(tag.Tag), null, cancellationToken);
            case AttributeCriteria attribute:
                return await ReadAsync(PostingKeys.Attribute(attribute.Name, attribute.EqualsValue), null, cancellationToken);
            case ContactCriteria contact:
                return await ContactAsync(contact, cancellationToken);
            case LastInterestCriteria interest:
                return await ReadAsync(PostingKeys.Interest(interest.Interest), null, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(criteria), criteria.GetType().Name, "Unknown criterion");
        }
    }

    private async Task<MatchSet> ContactAsync(ContactCriteria contact, CancellationToken cancellationToken) => contact.Condition switch
    {
        ContactCondition.NeverContacted => (await ReadAsync(PostingKeys.Contacted, null, cancellationToken)).Not(),
        ContactCondition.NeverAnswered => (await ReadAsync(PostingKeys.Answered, null, cancellationToken)).Not(),
        ContactCondition.NotContactedForDays => (await ReadAsync(PostingKeys.Contacted, contact.Days!.Value, cancellationToken)).Not(),
        ContactCondition.AnsweredWithinDays => await ReadAsync(PostingKeys.Answered, contact.Days!.Value, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(contact), contact.Condition, "Unknown contact condition"),
    };

    /// <summary>The customers under the key; with <paramref name="withinDays"/>, those whose time is at most that old.</summary>
    private async Task<MatchSet> ReadAsync(string key, int? withinDays, CancellationToken cancellationToken)
    {
        var since = withinDays is { } days ? Math.Max(0, now.AddDays(-days).ToUnixTimeSeconds()) : (long?)null;
        var numbers = await index.ReadAsync(key, cancellationToken, since is { } cutoff ? value => value >= cutoff : null);
        return new MatchSet(numbers, false);
    }
}
