using Campaign.Abstractions.Segments;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Evaluates a criteria tree as set operations over index ranges: each leaf reads one index key range (in every
/// customer partition at once, keys only), <c>all</c> intersects, <c>any</c> unites, <c>not</c> complements. An
/// <c>all</c> stops reading as soon as its result is empty.
/// </summary>
internal sealed class CriteriaSetEvaluator(CustomerIndexReader index, DateTimeOffset now)
{
    public async Task<IdSet> EvaluateAsync(SegmentCriteria criteria, CancellationToken cancellationToken)
    {
        switch (criteria)
        {
            case AllCriteria all:
                return (await Task.WhenAll(all.Items.Select(item => EvaluateAsync(item, cancellationToken))))
                    .Aggregate(IdSet.Everyone, (result, item) => result.And(item));
            case AnyCriteria any:
                return (await Task.WhenAll(any.Items.Select(item => EvaluateAsync(item, cancellationToken))))
                    .Aggregate(IdSet.Nobody, (result, item) => result.Or(item));
            case NotCriteria not:
                return (await EvaluateAsync(not.Inner, cancellationToken)).Not();
            case IssueCategoryCriteria issue:
                return Found(issue.WithinDays is { } days
                    ? await index.RangeAsync(CustomerRowKeys.IssueSince(issue.Category, DaysAgo(days)),
                        TableKeys.PrefixEnd(CustomerRowKeys.Issue(issue.Category)), cancellationToken)
                    : await index.PrefixAsync(CustomerRowKeys.Issue(issue.Category), cancellationToken));
            case AreaCriteria area:
                return (await Task.WhenAll(area.Areas.Distinct(StringComparer.OrdinalIgnoreCase)
                        .Select(name => index.PrefixAsync(CustomerRowKeys.Area(name), cancellationToken))))
                    .Aggregate(IdSet.Nobody, (result, ids) => result.Or(Found(ids)));
            case TagCriteria tag:
                return Found(await index.PrefixAsync(CustomerRowKeys.Tag(tag.Tag), cancellationToken));
            case AttributeCriteria attribute:
                return Found(await index.PrefixAsync(CustomerRowKeys.Attribute(attribute.Name, attribute.EqualsValue), cancellationToken));
            case ContactCriteria contact:
                return await ContactAsync(contact, cancellationToken);
            case LastInterestCriteria interest:
                return Found(await index.PrefixAsync(CustomerRowKeys.Interest(interest.Interest), cancellationToken));
            default:
                throw new ArgumentOutOfRangeException(nameof(criteria), criteria.GetType().Name, "Unknown criterion");
        }
    }

    private async Task<IdSet> ContactAsync(ContactCriteria contact, CancellationToken cancellationToken) => contact.Condition switch
    {
        ContactCondition.NeverContacted => Found(await index.PrefixAsync(CustomerRowKeys.ContactedPrefix, cancellationToken)).Not(),
        ContactCondition.NeverAnswered => Found(await index.PrefixAsync(CustomerRowKeys.AnsweredPrefix, cancellationToken)).Not(),
        ContactCondition.NotContactedForDays => Found(await index.RangeAsync(CustomerRowKeys.ContactedSince(DaysAgo(contact.Days!.Value)),
            TableKeys.PrefixEnd(CustomerRowKeys.ContactedPrefix), cancellationToken)).Not(),
        ContactCondition.AnsweredWithinDays => Found(await index.RangeAsync(CustomerRowKeys.AnsweredSince(DaysAgo(contact.Days!.Value)),
            TableKeys.PrefixEnd(CustomerRowKeys.AnsweredPrefix), cancellationToken)),
        _ => throw new ArgumentOutOfRangeException(nameof(contact), contact.Condition, "Unknown contact condition"),
    };

    private DateTimeOffset DaysAgo(int days) => now.AddDays(-days);

    private static IdSet Found(HashSet<string> ids) => new(ids, false);
}
