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

    /// <summary>
    /// Whether the provider sends <see cref="Calls.CallEventKind.AgentAudio"/> when the agent's audio starts playing. When it
    /// does not, the agent's first audio is taken as the moment its first words are handed to the provider.
    /// </summary>
    bool ReportsFirstAudio => false;
}

public sealed record PlaceCallRequest(string CallId, string CustomerId, string To, string? From, int Attempt, TimeSpan RingTimeout);
