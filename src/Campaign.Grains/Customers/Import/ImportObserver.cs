namespace Campaign.Grains.Customers.Import;

/// <summary>
/// Told what an import does while it runs, for a caller that shows progress: every rejected row with the id and name
/// it was written with (when they could be read), the rows read so far, and the customers written after each batch.
/// The importer keeps nothing of this; an observer that lists rows should bound its list.
/// </summary>
public abstract class ImportObserver
{
    /// <summary>A row was rejected; <paramref name="id"/> and <paramref name="name"/> are as written in the file, null when the row could not be read.</summary>
    public virtual void Rejected(int line, string? id, string? name, string reason)
    {
    }

    /// <summary>The first pass has read <paramref name="rows"/> rows so far; called every <see cref="CustomerImporter.ProgressEvery"/> rows.</summary>
    public virtual ValueTask ReadAsync(int rows, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>The whole file was read and checked: <paramref name="toWrite"/> customers are about to be written.</summary>
    public virtual ValueTask StagedAsync(int toWrite, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A batch was written: <paramref name="written"/> of <paramref name="toWrite"/> customers are stored.</summary>
    public virtual ValueTask WrittenAsync(int written, int toWrite, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
