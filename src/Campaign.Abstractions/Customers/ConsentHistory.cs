namespace Campaign.Abstractions.Customers;

/// <summary>
/// How consent records combine. A re-import adds the records it carries to those stored and never undoes a
/// revocation; a profile written without consent records keeps the stored ones.
/// </summary>
public static class ConsentHistory
{
    public static IReadOnlyList<ConsentRecord>? Merge(IReadOnlyList<ConsentRecord>? stored, IReadOnlyList<ConsentRecord>? incoming)
    {
        if (incoming is null || incoming.Count == 0)
        {
            return stored;
        }

        var merged = (stored ?? []).ToList();
        foreach (var record in incoming)
        {
            var same = merged.FindIndex(r => SameGrant(r, record));
            if (same < 0)
            {
                merged.Add(record);
            }
            else if (merged[same].RevokedAt is null && record.RevokedAt is not null)
            {
                merged[same] = merged[same] with { RevokedAt = record.RevokedAt };
            }
        }

        return merged;
    }

    /// <summary>Revokes, at <paramref name="at"/>, every record of the kind and scope given (any when null) that is not revoked yet.</summary>
    public static (IReadOnlyList<ConsentRecord> Records, int Revoked) Revoke(IReadOnlyList<ConsentRecord>? stored, ConsentKind? kind, string? scope, DateTimeOffset at)
    {
        var revoked = 0;
        var records = (stored ?? []).Select(r =>
        {
            if (r.RevokedAt is null && (kind is null || r.Kind == kind) && (scope is null || string.Equals(r.Scope ?? "", scope, StringComparison.OrdinalIgnoreCase)))
            {
                revoked++;
                return r with { RevokedAt = at };
            }

            return r;
        }).ToList();
        return (records, revoked);
    }

    private static bool SameGrant(ConsentRecord a, ConsentRecord b) =>
        a.Kind == b.Kind && a.At == b.At && string.Equals(a.Scope ?? "", b.Scope ?? "", StringComparison.OrdinalIgnoreCase);
}
