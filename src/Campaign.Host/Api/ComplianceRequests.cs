namespace Campaign.Host.Api;

/// <summary>A consent record to add: <c>kind</c> is <c>express</c> or <c>expressWritten</c>, <c>at</c> when it was given.</summary>
public sealed record ConsentRequest(string? Kind, string? Scope, string? Source, string? At, string? RevokedAt);

/// <summary>Which consent to revoke now: every record of the kind and scope given; all records when both are left out.</summary>
public sealed record ConsentRevokeRequest(string? Kind, string? Scope);

public sealed record ConsentResponse(IReadOnlyList<Abstractions.Customers.ConsentRecord> Consent, int? Revoked = null);

public sealed record DecisionListResponse(int Total, int Skip, int Take, IReadOnlyList<Abstractions.Compliance.DialDecision> Items);
