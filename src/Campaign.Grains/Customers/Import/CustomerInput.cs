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
    public List<ConsentInput> Consent { get; } = [];
}

public sealed class IssueInput
{
    public string? Category { get; set; }
    public string? ReportedAt { get; set; }
    public string? Text { get; set; }
}

/// <summary>A consent record as written in an import file: <c>kind</c> is <c>express</c> or <c>expressWritten</c>.</summary>
public sealed class ConsentInput
{
    public string? Kind { get; set; }
    public string? Scope { get; set; }
    public string? Source { get; set; }
    public string? At { get; set; }
    public string? RevokedAt { get; set; }

    public bool IsEmpty => Kind is null && Scope is null && Source is null && At is null && RevokedAt is null;
}

/// <summary>A row read from an import file: its line, and either the customer or why it cannot be read.</summary>
public sealed record ImportRow(int Line, CustomerInput? Input, string? Error);
