namespace Campaign.Grains.Customers.Import;

/// <summary>What an import did. <see cref="Rejected"/> lists at most <see cref="CustomerImporter.MaxListedRejections"/> rows; <see cref="RejectedTotal"/> counts them all.</summary>
/// <see cref="Flagged"/> lists rows imported with a warning (such as a time zone that cannot be known: the customer is
/// never called until one is imported or configured for their area), at most as many as rejections.
public sealed record CustomerImportResult(int Imported, int Updated, IReadOnlyList<RejectedRow> Rejected, int RejectedTotal, IReadOnlyList<RejectedRow>? Flagged = null, int FlaggedTotal = 0);

public sealed record RejectedRow(int Line, string Reason);
