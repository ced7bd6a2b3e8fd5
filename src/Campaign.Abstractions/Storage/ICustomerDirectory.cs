using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;

namespace Campaign.Abstractions.Storage;

/// <summary>
/// The customer directory: profiles, contact history and the do-not-call list, stored so that
/// segment queries are answered quickly. Every write of one customer is atomic.
/// </summary>
public interface ICustomerDirectory
{
    /// <summary>Inserts or replaces the given profiles in one transaction; contact history and do-not-call are kept.</summary>
    Task<UpsertCounts> UpsertAsync(IReadOnlyList<CustomerProfile> customers, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many profiles an import hands to <see cref="UpsertAsync"/> at a time. A store that writes a transaction per
    /// partition takes more, so that each transaction carries more customers.
    /// </summary>
    int ImportBatchSize => 2000;

    Task<CustomerProfile?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases the customer: profile, issues, tags, attributes, consent and contact history, and every index entry that
    /// finds them. The do-not-call list (kept by number) is left as it is. False when there is no such customer.
    /// </summary>
    Task<bool> EraseAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the customer's consent records; false when there is no such customer.</summary>
    Task<bool> SetConsentAsync(string id, IReadOnlyList<ConsentRecord> consent, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ContactAttempt>> GetContactHistoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>How many attempts were made to the customer since <paramref name="since"/>, across all campaigns.</summary>
    Task<int> CountAttemptsSinceAsync(string id, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Appends an attempt to the customer's history; an attempt with a call id already recorded is ignored.</summary>
    Task<bool> RecordContactAsync(string customerId, ContactAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>Customers matching the criteria, ordered by id; those on the do-not-call list only when asked for (never in an audience).</summary>
    Task<CustomerPage> QueryAsync(SegmentCriteria criteria, int skip, int take, bool includeDoNotCall = false, CancellationToken cancellationToken = default);

    /// <summary>Customers the search finds (<see cref="CustomerSearch.Matches"/>), do-not-call ones included, ordered by id.</summary>
    Task<CustomerPage> SearchAsync(CustomerSearch search, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>How many customers match the criteria, never counting those on the do-not-call list.</summary>
    Task<int> CountAsync(SegmentCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>How many customers matching the criteria lack the given data (an attribute by name), do-not-call customers excluded.</summary>
    Task<int> CountMissingAsync(SegmentCriteria criteria, CustomerData data, string? attributeName = null, CancellationToken cancellationToken = default);

    /// <summary>How many customers the directory holds in all.</summary>
    Task<int> CountAllAsync(CancellationToken cancellationToken = default);

    Task<bool> IsDoNotCallAsync(string phone, CancellationToken cancellationToken = default);

    /// <summary>Adds numbers to the do-not-call list; numbers already on it keep their first entry. Returns how many were added.</summary>
    Task<int> AddDoNotCallAsync(IReadOnlyList<DoNotCallEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Removes a number from the do-not-call list; false when it was not on it.</summary>
    Task<bool> RemoveDoNotCallAsync(string phone, string source, string? reason = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DoNotCallEntry>> ListDoNotCallAsync(int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Numbers on the do-not-call list the search finds: at least three digits of the number, or part of the source or
    /// reason (any case); newest first, paged, with the total found. The default reads the whole list; stores that can
    /// search on their side should.
    /// </summary>
    async Task<DoNotCallPage> SearchDoNotCallAsync(CustomerSearch search, int skip, int take, CancellationToken cancellationToken = default)
    {
        var found = (await ListDoNotCallAsync(0, int.MaxValue, cancellationToken)).Where(search.Matches).ToList();
        return new DoNotCallPage(found.Count, found.Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToList());
    }

    /// <summary>How many numbers are on the do-not-call list.</summary>
    Task<int> CountDoNotCallAsync(CancellationToken cancellationToken = default);

    /// <summary>Every change made to the do-not-call list, newest first; of one number only when <paramref name="phone"/> is given.</summary>
    Task<IReadOnlyList<DoNotCallChange>> ListDoNotCallChangesAsync(string? phone, int skip, int take, CancellationToken cancellationToken = default);
}

public sealed record UpsertCounts(int Inserted, int Updated);

public sealed record DoNotCallPage(int Total, IReadOnlyList<DoNotCallEntry> Items);

public sealed record CustomerPage(int Total, IReadOnlyList<CustomerSummary> Items);

/// <summary>A row of a customer list: enough to recognise the customer and their contact status.</summary>
public sealed record CustomerSummary(
    string Id,
    string Name,
    string Phone,
    string? Area,
    string? TimeZone,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> IssueCategories,
    DateTimeOffset? LastContactedAt,
    DateTimeOffset? LastAnsweredAt,
    Interest? LastInterest,
    bool DoNotCall);
