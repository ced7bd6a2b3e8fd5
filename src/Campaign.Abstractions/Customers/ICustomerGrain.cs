namespace Campaign.Abstractions.Customers;

/// <summary>One customer: the single writer of their contact history and do-not-call status.</summary>
[Alias("Campaign.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>The customer's profile, do-not-call status and contact history; null when unknown.</summary>
    [Alias("Get")]
    Task<CustomerView?> GetAsync();

    /// <summary>Records a finished call attempt. Recording the same call twice changes nothing.</summary>
    [Alias("RecordContact")]
    Task RecordContactAsync(ContactAttempt attempt);

    /// <summary>
    /// Claims the customer for a call: refused when their number is on the do-not-call list or they are in another
    /// live call (a claim older than <paramref name="holdUntil"/> of a dead call lapses). Claiming again with the same call id succeeds.
    /// </summary>
    [Alias("TryBeginCall")]
    Task<Calls.CallStartResult> TryBeginCallAsync(string callId, DateTimeOffset holdUntil);

    /// <summary>Records the attempt and frees the customer for other calls.</summary>
    [Alias("EndCall")]
    Task EndCallAsync(string callId, ContactAttempt attempt);

    /// <summary>Puts the customer's number on the do-not-call list at once.</summary>
    [Alias("OptOut")]
    Task OptOutAsync(string reason, string source);
}
