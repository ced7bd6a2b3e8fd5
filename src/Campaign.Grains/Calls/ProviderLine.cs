using Campaign.Abstractions.Telephony;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Calls;

/// <summary>One call's line at the telephony provider: ending it and checking it, where a provider fault is logged, never thrown.</summary>
internal sealed class ProviderLine(ITelephony telephony, ILogger logger, string callId)
{
    /// <summary>Dials: the provider's id of the call, or why it could not be placed.</summary>
    public async Task<(string? ProviderCallId, string? Failure)> PlaceAsync(PlaceCallRequest request)
    {
        try
        {
            return (await telephony.PlaceCallAsync(request), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CallLog.DialFailed(logger, callId, ex.Message);
            return (null, ex.Message);
        }
    }

    /// <summary>Ends the provider's call, if it was placed; a provider that cannot be reached is logged and the call ends here anyway.</summary>
    public async Task HangUpAsync(string? providerCallId)
    {
        if (providerCallId is null)
        {
            return;
        }

        try
        {
            await telephony.HangUpAsync(callId, providerCallId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CallLog.HangUpFailed(logger, callId, ex.Message);
        }
    }

    /// <summary>
    /// Whether the provider still has the call. Never placed (no provider id): no. A provider that cannot be asked:
    /// yes, so a call is not ended on a network fault; the next check asks again.
    /// </summary>
    public async Task<bool> IsLiveAsync(string? providerCallId)
    {
        if (providerCallId is null)
        {
            return false;
        }

        try
        {
            return await telephony.IsLiveAsync(callId, providerCallId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CallLog.HangUpFailed(logger, callId, ex.Message);
            return true;
        }
    }
}
