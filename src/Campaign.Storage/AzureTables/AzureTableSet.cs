using Azure.Data.Tables;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// The tables of the Azure Tables stores, all named <c>{prefix}{name}</c> in one storage account. They are created
/// on first use; every store awaits <see cref="ReadyAsync"/> before touching them.
/// </summary>
public sealed class AzureTableSet
{
    private readonly Lock _lock = new();
    private Task? _created;

    public AzureTableSet(TableServiceClient service, string prefix)
    {
        if (prefix.Length == 0 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 50)
        {
            throw new ArgumentException("The table prefix must start with a letter and hold only letters and digits (at most 50).", nameof(prefix));
        }

        Customers = new CustomerTables(service, prefix);
        CustomerIndex = service.GetTableClient(prefix + "custindex");
        CustomerNumbers = service.GetTableClient(prefix + "custnumbers");
        DoNotCall = service.GetTableClient(prefix + "donotcall");
        Work = service.GetTableClient(prefix + "work");
        Calls = service.GetTableClient(prefix + "calls");
        CallIds = service.GetTableClient(prefix + "callids");
        Decisions = service.GetTableClient(prefix + "decisions");
    }

    /// <summary>Profiles, contact attempts and phone rows, one table per hash bucket of the customer id.</summary>
    public CustomerTables Customers { get; }

    /// <summary>The segment index: one partition per criterion value, one row per block of customer numbers.</summary>
    public TableClient CustomerIndex { get; }

    /// <summary>Customer numbers back to ids, one partition per block of numbers, and the number counter.</summary>
    public TableClient CustomerNumbers { get; }

    /// <summary>The do-not-call list (partition <c>list</c>) and its change log (partition <c>log</c>).</summary>
    public TableClient DoNotCall { get; }

    /// <summary>Campaign work lists, one partition per campaign.</summary>
    public TableClient Work { get; }

    /// <summary>Finished calls, one partition per campaign, newest first.</summary>
    public TableClient Calls { get; }

    /// <summary>Where each call's record lives: call id → campaign partition and row.</summary>
    public TableClient CallIds { get; }

    /// <summary>Dial decisions, one partition per customer and one per campaign (each decision is in both).</summary>
    public TableClient Decisions { get; }

    /// <summary>Creates the tables once; a failed attempt (storage unreachable) is tried again on the next call.</summary>
    public Task ReadyAsync()
    {
        lock (_lock)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateAsync();
            }

            return _created;
        }
    }

    private Task CreateAsync() =>
        Task.WhenAll(Customers.All.Concat([CustomerIndex, CustomerNumbers, DoNotCall, Work, Calls, CallIds, Decisions])
            .Select(table => table.CreateIfNotExistsAsync()));
}
