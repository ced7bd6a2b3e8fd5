using System.Diagnostics;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Telemetry;
using Campaign.Grains.Compliance;

namespace Campaign.Grains.Calls;

/// <summary>
/// The end of a call: stored and acknowledged at once, then settled (outcome and report) off the request path; and the
/// watchdog's check, which ends a call lost with its silo and settles again an end whose report did not get through.
/// </summary>
internal sealed class CallEnding(
    IPersistentState<CallState> state,
    CallSettlement settlement,
    ProviderLine line,
    ICallTimers timers,
    SerialAccess serial,
    DialGate.Ticket ticket,
    AbandonRule abandon,
    TimeProvider clock,
    Action deactivate,
    string callId)
{
    private ActivityContext _endedIn;

    private CallState Call => state.State;

    /// <summary>Ends the call now with <paramref name="result"/>, once; the outcome and the report follow from a timer.</summary>
    public async Task FinishAsync(CallResult result, string? note)
    {
        if (Call.Status == CallStatus.Ended)
        {
            return;
        }

        timers.StopDeadline();
        Call.End(result, note, clock.GetUtcNow(), abandon);
        CampaignTelemetry.CallsEnded.Add(1, new KeyValuePair<string, object?>("result", CallResultLabel.Of(result)));

        // The end is stored and the provider answered now; the outcome and the report follow off the request path.
        await state.WriteStateAsync();
        _endedIn = Activity.Current?.Context ?? default;
        timers.Soon(() => serial.RunAsync(SettleAsync));
    }

    /// <summary>The ended call's outcome and report; what is done is skipped, and the watchdog runs it again after a failure.</summary>
    public async Task SettleAsync()
    {
        if (!state.RecordExists || Call.Status != CallStatus.Ended)
        {
            return;
        }

        using (CampaignTelemetry.StartCallSettle(callId, _endedIn))
        {
            if (await settlement.SettleAsync(callId, Call))
            {
                await state.ClearStateAsync();
                deactivate();
            }
            else
            {
                // The campaign's sweep asks for the report again; the outcome concluded for this report is kept for it.
                await state.WriteStateAsync();
            }
        }

        // Ended and reported (or left to the watchdog): a stopping silo no longer waits for this call.
        ticket.Ended();
    }

    /// <summary>The watchdog's look at the call, run between its requests.</summary>
    public async Task CheckAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }

        if (Call.Status == CallStatus.Ended)
        {
            await SettleAsync();
            return;
        }

        // Checks run between turns (this grain is not reentrant), so a call without a provider id never got dialled.
        if (!await line.IsLiveAsync(Call.ProviderCallId))
        {
            await FinishAsync(Call.Status == CallStatus.InProgress ? CallResult.Answered : CallResult.Failed, "interrupted: the call was lost with its silo");
        }
    }
}
