namespace Campaign.Abstractions.Insights;

/// <summary>Which customers each group holds; a customer may be in many groups, of every kind.</summary>
public sealed class InsightGroups
{
    private readonly Dictionary<(InsightKind Kind, string Key), (InsightGroup Group, HashSet<string> Customers)> _groups = [];

    public IEnumerable<(InsightGroup Group, IReadOnlySet<string> Customers)> All =>
        _groups.Values.Select(g => (g.Group, (IReadOnlySet<string>)g.Customers));

    /// <summary>Declares a group even before it has members (a saved segment whose calls were placed for it).</summary>
    public void Declare(InsightGroup group)
    {
        if (!_groups.ContainsKey((group.Kind, group.Key)))
        {
            _groups[(group.Kind, group.Key)] = (group, new HashSet<string>(StringComparer.Ordinal));
        }
    }

    public void Add(InsightGroup group, string customerId)
    {
        Declare(group);
        _groups[(group.Kind, group.Key)].Customers.Add(customerId);
    }

    /// <summary>Puts the customer in their area, each of their issue categories and each of their tags.</summary>
    public void AddProfile(string customerId, string? area, IEnumerable<string> issueCategories, IEnumerable<string> tags)
    {
        if (!string.IsNullOrWhiteSpace(area))
        {
            Add(new InsightGroup(InsightKind.Area, area, area), customerId);
        }

        foreach (var category in issueCategories.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal))
        {
            Add(new InsightGroup(InsightKind.IssueCategory, category, category), customerId);
        }

        foreach (var tag in tags.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal))
        {
            Add(new InsightGroup(InsightKind.Tag, tag, tag), customerId);
        }
    }
}
