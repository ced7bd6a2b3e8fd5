namespace Campaign.Conversation.Scripts;

/// <summary>A variable such as <c>{{customer.firstName}}</c>, by its path (<c>customer.firstName</c>).</summary>
public sealed record TemplateVariable(string Path)
{
    public const string AttributesPrefix = "customer.attributes.";

    /// <summary>Every variable except <c>customer.attributes.NAME</c>, whose names come from the customer data.</summary>
    public static readonly IReadOnlyList<string> FixedPaths =
    [
        "customer.name",
        "customer.firstName",
        "customer.area",
        "customer.address",
        "customer.latestIssue",
        "customer.latestIssue.category",
        "customer.latestIssue.text",
        "customer.latestIssue.reportedAt",
        "persona.agentName",
        "persona.company",
    ];

    /// <summary>The attribute name of <c>customer.attributes.NAME</c>; null for other variables.</summary>
    public string? AttributeName => Path.StartsWith(AttributesPrefix, StringComparison.Ordinal) ? Path[AttributesPrefix.Length..] : null;

    public bool IsKnown => FixedPaths.Contains(Path, StringComparer.Ordinal) || !string.IsNullOrWhiteSpace(AttributeName);

    public override string ToString() => "{{" + Path + "}}";
}
