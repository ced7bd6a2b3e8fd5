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
    /// Decides whether a campaign's call may dial the customer now, under every rule (do-not-call, consent, calling
    /// hours in each candidate zone and jurisdiction, per-person caps across campaigns, another live call), records the
    /// decision, then claims the customer when it is a call. A claim older than the request's hold of a dead call
    /// lapses; the same call asking again is placed without a new decision.
    /// </summary>
    [Alias("DecideDial")]
    Task<Compliance.DialVerdict> DecideDialAsync(Compliance.DialRequest request);

    /// <summary>Records the attempt and frees the customer for other calls.</summary>
    [Alias("EndCall")]
    Task EndCallAsync(string callId, ContactAttempt attempt);

    /// <summary>Adds a consent record; the next dial decision sees it. Throws <see cref="KeyNotFoundException"/> for an unknown customer.</summary>
    [Alias("AddConsent")]
    Task<IReadOnlyList<ConsentRecord>> AddConsentAsync(ConsentRecord record);

    /// <summary>
    /// Revokes now every consent of the kind and scope given (all when null) that is not yet revoked; no dial decision
    /// after this counts it. Returns the records and how many were revoked.
    /// </summary>
    [Alias("RevokeConsent")]
    Task<ConsentRevocation> RevokeConsentAsync(ConsentKind? kind, string? scope);

    /// <summary>
    /// Erases the person at their request: profile, consent, contact history, the transcripts and outcomes of their
    /// calls, in every store. What the law requires stays: their number on the do-not-call list (so they are never
    /// called again) and the dial decisions, which hold no name and nothing said. Refused while they are in a live call.
    /// </summary>
    [Alias("Erase")]
    Task<ErasureResult> EraseAsync();

    /// <summary>Puts the customer's number on the do-not-call list at once.</summary>
    /// <param name="reason">Why, as the do-not-call list shows it.</param>
    /// <param name="source">Where the request came from (<c>call</c>, <c>sms</c>, an operator).</param>
    /// <param name="occasion">
    /// What the request was heard on (a call's id), when it can be recorded again after a failure: the same occasion
    /// announces the same <c>optOut</c> event id, so webhook endpoints queue it once.
    /// </param>
    [Alias("OptOut")]
    Task OptOutAsync(string reason, string source, string? occasion = null);
}

/// <summary>A customer's consent records after a revocation, and how many it revoked.</summary>
[GenerateSerializer, Immutable, Alias("Campaign.ConsentRevocation")]
public sealed record ConsentRevocation([property: Id(0)] IReadOnlyList<ConsentRecord> Consent, [property: Id(1)] int Revoked);

/// <summary>What an erasure did.</summary>
public enum ErasureResult
{
    Erased,
    NotFound,
    InLiveCall,
}
