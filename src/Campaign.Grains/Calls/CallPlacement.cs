using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telemetry;
using Campaign.Abstractions.Telephony;
using Campaign.Grains.Compliance;

namespace Campaign.Grains.Calls;

/// <summary>
/// The start of one attempt. State is written before the number is dialled, so a repeated start never dials twice;
/// the customer's grain decides under every rule before anything is claimed here; a failed dial ends the call.
/// </summary>
internal sealed class CallPlacement(
    IPersistentState<CallState> state,
    ICallStore calls,
    IGrainFactory grains,
    CustomerLocator locator,
    ProviderLine line,
    ICallTimers timers,
    CallEnding ending,
    CallProgressReport progress,
    DialGate.Ticket ticket,
    CallOptions options,
    TimeProvider clock,
    Func<Task> hangUpAtDeadline,
    string callId)
{
    private CallState Call => state.State;

    public async Task<CallStartResult> StartAsync(CallRequest request)
    {
        if (state.RecordExists)
        {
            return Call.Status == CallStatus.Ended ? CallStartResult.AlreadyEnded : CallStartResult.Placed;
        }

        if (await calls.ExistsAsync(callId))
        {
            return CallStartResult.AlreadyEnded;
        }

        // Whatever a campaign asks, the customer's grain decides under every rule, from the stored profile and the
        // customer's own place (not the work list's), and records the decision before anything is dialled.
        var limit = options.RingTimeout + request.MaxDuration;
        var verdict = await grains.GetGrain<ICustomerGrain>(request.CustomerId).DecideDialAsync(
            new DialRequest(request.CampaignId, callId, request.Purpose, request.Window, clock.GetUtcNow() + limit + TimeSpan.FromMinutes(1)));
        if (verdict.Result != CallStartResult.Placed || verdict.Profile is not { } profile)
        {
            return verdict.Result == CallStartResult.Placed ? CallStartResult.UnknownCustomer : verdict.Result;
        }

        // The attempt starts once the customer is claimed: the claim may have waited for their previous call to end.
        var now = clock.GetUtcNow();
        Call.Begin(callId, request, profile, locator.Locate(profile), now);
        await state.WriteStateAsync();
        ArmDeadline(now);
        progress.Send();

        CampaignTelemetry.Dials.Add(1);
        ticket.Placed();
        var (providerCallId, failure) = await line.PlaceAsync(new PlaceCallRequest(callId, request.CustomerId, profile.Phone, request.CallerId, request.Attempt, options.RingTimeout));
        if (failure is not null)
        {
            await ending.FinishAsync(CallResult.Failed, $"dialling failed: {failure}");
        }
        else if (Call.Status != CallStatus.Ended)
        {
            Call.ProviderCallId = providerCallId;
            await state.WriteStateAsync();
        }

        return CallStartResult.Placed;
    }

    /// <summary>Hangs up when the call started at <paramref name="startedAt"/> reaches its maximum duration (again after a restart).</summary>
    public void ArmDeadline(DateTimeOffset startedAt) => timers.ArmDeadline(startedAt, Call.Request, hangUpAtDeadline);
}
