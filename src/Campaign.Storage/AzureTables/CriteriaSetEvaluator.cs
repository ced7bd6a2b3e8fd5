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
                var result = IdSet.Everyone;
                foreach (var item in all.Items)
                {
                    result = result.And(await EvaluateAsync(item, cancellationToken));
                    if (result.IsNobody)
                    {
                        break;
                    }
                }

                return result;
            case AnyCriteria any:
                var union = IdSet.Nobody;
                foreach (var item in any.Items)
                {
                    union = union.Or(await EvaluateAsync(item, cancellationToken));
                }

                return union;
            case NotCriteria not:
                return (await EvaluateAsync(not.Inner, cancellationToken)).Not();
            case IssueCategoryCriteria issue:
                return Found(issue.WithinDays is { } days
                    ? await index.RangeAsync(CustomerRowKeys.IssueSince(issue.Category, DaysAgo(days)),
                        TableKeys.PrefixEnd(CustomerRowKeys.Issue(issue.Category)), cancellationToken)
                    : await index.PrefixAsync(CustomerRowKeys.Issue(issue.Category), cancellationToken));
            case AreaCriteria area:
                var inAreas = IdSet.Nobody;
                foreach (var name in area.Areas.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    inAreas = inAreas.Or(Found(await index.PrefixAsync(CustomerRowKeys.Area(name), cancellationToken)));
                }

                return inAreas;
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
