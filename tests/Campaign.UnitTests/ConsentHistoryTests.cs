using Campaign.Abstractions.Customers;

namespace Campaign.UnitTests;

public class ConsentHistoryTests
{
    private static readonly DateTimeOffset Given = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Revoked = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_re_import_never_undoes_a_revocation()
    {
        IReadOnlyList<ConsentRecord> stored = [new(ConsentKind.Express, null, "signup", Given, Revoked)];

        var merged = ConsentHistory.Merge(stored, [new(ConsentKind.Express, null, "signup", Given)]);

        Assert.Equal(Revoked, Assert.Single(merged!).RevokedAt);
    }

    [Fact]
    public void A_re_import_adds_new_grants_and_a_profile_without_consent_keeps_the_stored_records()
    {
        IReadOnlyList<ConsentRecord> stored = [new(ConsentKind.Express, null, "signup", Given)];
        var written = new ConsentRecord(ConsentKind.ExpressWritten, "marketing", "form", Given.AddDays(10));

        Assert.Equal(2, ConsentHistory.Merge(stored, [written])!.Count);
        Assert.Same(stored, ConsentHistory.Merge(stored, null));
        Assert.Same(stored, ConsentHistory.Merge(stored, []));
    }

    [Fact]
    public void Revoking_by_kind_leaves_the_other_kinds_alone()
    {
        IReadOnlyList<ConsentRecord> stored = [new(ConsentKind.Express, null, "signup", Given), new(ConsentKind.ExpressWritten, "marketing", "form", Given)];

        var (records, count) = ConsentHistory.Revoke(stored, ConsentKind.ExpressWritten, null, Revoked);

        Assert.Equal(1, count);
        Assert.Null(records[0].RevokedAt);
        Assert.Equal(Revoked, records[1].RevokedAt);
        Assert.Equal(0, ConsentHistory.Revoke(records, ConsentKind.ExpressWritten, null, Revoked.AddDays(1)).Revoked);
    }
}
