namespace Campaign.Abstractions.Telephony;

/// <summary>
/// The telephony port. Adapters (simulator, Twilio, ACS) place and end calls; everything that happens on a call
/// comes back as <see cref="Calls.CallEvent"/>s to <see cref="Calls.ICallGrain.OnEventAsync"/>.
/// </summary>
public interface ITelephony
{
    /// <summary>Dials; returns the provider's id for the call.</summary>
    Task<string> PlaceCallAsync(PlaceCallRequest request, CancellationToken cancellationToken = default);

    Task HangUpAsync(string callId, string providerCallId, CancellationToken cancellationToken = default);

    /// <summary>Whether the provider still has this call live; used after a restart to find calls lost with a silo.</summary>
    Task<bool> IsLiveAsync(string callId, string providerCallId, CancellationToken cancellationToken = default);
}

public sealed record PlaceCallRequest(string CallId, string CustomerId, string To, string? From, int Attempt, TimeSpan RingTimeout);
