using System.ComponentModel.DataAnnotations;

namespace Campaign.Host.Api;

/// <summary>
/// One customer of a JSON import, as docs/customers-import.md describes it. The importer reads the JSON itself (to
/// report bad rows by line), so this type only gives the document its shape.
/// </summary>
public sealed record CustomerImportItem(
    [property: Required] string Id,
    [property: Required] string Name,
    [property: Required] string Phone,
    string? Area = null,
    string? Address = null,
    string? TimeZone = null,
    string? Language = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Attributes = null,
    IReadOnlyList<CustomerImportIssue>? Issues = null,
    IReadOnlyList<CustomerImportConsent>? Consent = null);

/// <summary><c>reportedAt</c>: ISO 8601, or a date read as UTC.</summary>
public sealed record CustomerImportIssue([property: Required] string Category, string? ReportedAt = null, string? Text = null);

/// <summary><c>kind</c> is <c>express</c> or <c>expressWritten</c>; <c>at</c> the date it was given.</summary>
public sealed record CustomerImportConsent([property: Required] string Kind, [property: Required] string At, string? Scope = null, string? Source = null, string? RevokedAt = null);
