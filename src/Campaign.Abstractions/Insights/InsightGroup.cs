namespace Campaign.Abstractions.Insights;

/// <summary>What a group of customers is drawn by.</summary>
public enum InsightKind
{
    /// <summary>A saved segment (key: its id).</summary>
    Segment,

    /// <summary>An area (key: the area as imported).</summary>
    Area,

    /// <summary>An issue category the customer reported (key: the category).</summary>
    IssueCategory,

    /// <summary>A tag (key: the tag).</summary>
    Tag,
}

/// <summary>One group insights rank: its kind, key and the name to show.</summary>
public sealed record InsightGroup(InsightKind Kind, string Key, string Name);
