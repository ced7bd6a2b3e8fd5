using Campaign.Abstractions.Customers;

namespace Campaign.Abstractions.Segments;

/// <summary>A tree of conditions that picks customers. Parsed from JSON by <see cref="SegmentCriteriaParser"/>.</summary>
public abstract record SegmentCriteria;

public sealed record AllCriteria(IReadOnlyList<SegmentCriteria> Items) : SegmentCriteria;

public sealed record AnyCriteria(IReadOnlyList<SegmentCriteria> Items) : SegmentCriteria;

public sealed record NotCriteria(SegmentCriteria Inner) : SegmentCriteria;

/// <summary>Reported an issue of this category, optionally within the last <paramref name="WithinDays"/> days.</summary>
public sealed record IssueCategoryCriteria(string Category, int? WithinDays) : SegmentCriteria;

public sealed record AreaCriteria(IReadOnlyList<string> Areas) : SegmentCriteria;

public sealed record TagCriteria(string Tag) : SegmentCriteria;

public sealed record AttributeCriteria(string Name, string EqualsValue) : SegmentCriteria;

public sealed record ContactCriteria(ContactCondition Condition, int? Days) : SegmentCriteria;

public sealed record LastInterestCriteria(Interest Interest) : SegmentCriteria;

public enum ContactCondition
{
    NeverContacted,
    NeverAnswered,
    NotContactedForDays,
    AnsweredWithinDays,
}
