namespace Campaign.Grains.Customers.Import;

/// <summary>The rows an import rejected or flagged: all of them counted, the first <see cref="CustomerImporter.MaxListedRejections"/> of each listed.</summary>
internal sealed class ImportReport
{
    private readonly List<RejectedRow> _rejected = [];
    private readonly List<RejectedRow> _flagged = [];
    private int _rejectedTotal;
    private int _flaggedTotal;

    public void Reject(int line, string reason)
    {
        if (_rejectedTotal++ < CustomerImporter.MaxListedRejections)
        {
            _rejected.Add(new RejectedRow(line, reason));
        }
    }

    public void Flag(int line, string reason)
    {
        if (_flaggedTotal++ < CustomerImporter.MaxListedRejections)
        {
            _flagged.Add(new RejectedRow(line, reason));
        }
    }

    public CustomerImportResult Result(int inserted, int updated) =>
        new(inserted, updated, _rejected, _rejectedTotal, _flagged, _flaggedTotal);
}
