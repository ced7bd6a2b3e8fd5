using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;

namespace Campaign.Grains.Customers;

/// <summary>
/// One customer. The profile and history live in the customer directory (so segment queries see them at once);
/// this grain is the single writer of the customer's contact history and opt-out.
/// </summary>
public sealed class CustomerGrain(ICustomerDirectory directory, TimeProvider clock) : Grain, ICustomerGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<CustomerView?> GetAsync()
    {
        var profile = await directory.GetAsync(Id);
        if (profile is null)
        {
            return null;
        }

        var doNotCall = await directory.IsDoNotCallAsync(profile.Phone);
        var history = await directory.GetContactHistoryAsync(Id);
        return new CustomerView(profile, doNotCall, history);
    }

    public async Task RecordContactAsync(ContactAttempt attempt)
    {
        if (!await directory.RecordContactAsync(Id, attempt) && await directory.GetAsync(Id) is null)
        {
            throw new KeyNotFoundException($"customer '{Id}' does not exist");
        }
    }

    public async Task OptOutAsync(string reason, string source)
    {
        var profile = await directory.GetAsync(Id) ?? throw new KeyNotFoundException($"customer '{Id}' does not exist");
        await directory.AddDoNotCallAsync([new DoNotCallEntry(profile.Phone, reason, source, clock.GetUtcNow())]);
    }
}
