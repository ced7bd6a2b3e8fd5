namespace Campaign.Grains.Customers.Import;

/// <summary>What an import did. <see cref="Rejected"/> lists at most <see cref="CustomerImporter.MaxListedRejections"/> rows; <see cref="RejectedTotal"/> counts them all.</summary>
public sealed record CustomerImportResult(int Imported, int Updated, IReadOnlyList<RejectedRow> Rejected, int RejectedTotal);

public sealed record RejectedRow(int Line, string Reason);
