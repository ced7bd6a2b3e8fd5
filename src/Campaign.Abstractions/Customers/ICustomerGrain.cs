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

    /// <summary>Puts the customer's number on the do-not-call list at once.</summary>
    [Alias("OptOut")]
    Task OptOutAsync(string reason, string source);
}
