using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Support;

/// <summary>Finished calls written straight into a host's call store, so a list can be checked against known outcomes.</summary>
public static class SeededCalls
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    public static CallRecord Call(
        string campaignId,
        string customerId,
        int minute,
        CallResult result,
        Interest interest = Interest.Unknown,
        FollowUpKind followUp = FollowUpKind.None,
        params string[] concerns)
    {
        var started = Start.AddMinutes(minute);
        var answered = result == CallResult.Answered ? started.AddSeconds(4) : (DateTimeOffset?)null;
        var outcome = result == CallResult.Answered
            ? new CallOutcome(interest, concerns, new FollowUp(followUp, null), "summary", false, null, null)
            : null;
        return new CallRecord($"{campaignId}-{customerId}-{minute}", campaignId, customerId, null, 1, CallStatus.Ended, result, started, answered,
            (answered ?? started).AddSeconds(30), [], outcome, null);
    }

    public static async Task SaveAsync(IServiceProvider services, IEnumerable<CallRecord> calls)
    {
        var store = services.GetRequiredService<ICallStore>();
        foreach (var call in calls)
        {
            await store.SaveAsync(call);
        }
    }
}
