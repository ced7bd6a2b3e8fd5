namespace Campaign.Grains.Customers.Import;

/// <summary>One customer as written in an import file, before validation.</summary>
public sealed class CustomerInput
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Area { get; set; }
    public string? Address { get; set; }
    public string? TimeZone { get; set; }
    public string? Language { get; set; }
    public List<string> Tags { get; } = [];
    public Dictionary<string, string> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<IssueInput> Issues { get; } = [];
}

public sealed class IssueInput
{
    public string? Category { get; set; }
    public string? ReportedAt { get; set; }
    public string? Text { get; set; }
}

/// <summary>A row read from an import file: its line, and either the customer or why it cannot be read.</summary>
public sealed record ImportRow(int Line, CustomerInput? Input, string? Error);
