using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Compliance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Campaign.Grains.Customers;

[GenerateSerializer, Alias("Campaign.CustomerCallState")]
public sealed class CustomerCallState
{
    [Id(0)]
    public string? LiveCallId { get; set; }

    [Id(1)]
    public DateTimeOffset LiveUntil { get; set; }
}

/// <summary>
/// One customer. The profile and history live in the customer directory (so segment queries see them at once);
/// this grain is the single writer of the customer's contact history and opt-out, and makes sure the customer is
/// never in two live calls at once, whichever campaigns target them.
/// </summary>
public sealed class CustomerGrain(
    [PersistentState("customer-call", StorageNames.Default)] IPersistentState<CustomerCallState> call,
    ICustomerDirectory directory,
    IOptions<ComplianceOptions> compliance,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock) : Grain, ICustomerGrain
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

    public async Task<CallStartResult> TryBeginCallAsync(string callId, DateTimeOffset holdUntil)
    {
        var profile = await directory.GetAsync(Id);
        if (profile is null)
        {
            return CallStartResult.UnknownCustomer;
        }

        if (await directory.IsDoNotCallAsync(profile.Phone))
        {
            return CallStartResult.DoNotCall;
        }

        var now = clock.GetUtcNow();
        var live = call.State.LiveCallId;
        if (live is not null && live != callId && call.State.LiveUntil > now)
        {
            return CallStartResult.CustomerBusy;
        }

        if (live != callId
            && (await directory.CountAttemptsSinceAsync(Id, now.AddDays(-1)) >= compliance.Value.MaxAttemptsPerCustomerPerDay
                || await directory.CountAttemptsSinceAsync(Id, now.AddDays(-7)) >= compliance.Value.MaxAttemptsPerCustomerPerWeek))
        {
            return CallStartResult.AttemptLimitReached;
        }

        if (live != callId)
        {
            call.State.LiveCallId = callId;
            call.State.LiveUntil = holdUntil;
            await call.WriteStateAsync();
        }

        return CallStartResult.Placed;
    }

    public async Task EndCallAsync(string callId, ContactAttempt attempt)
    {
        await RecordContactAsync(attempt);
        if (call.State.LiveCallId == callId)
        {
            call.State.LiveCallId = null;
            await call.WriteStateAsync();
        }
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
