using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telemetry;
using Campaign.Abstractions.Webhooks;
using Campaign.Grains.Calls;
using Campaign.Grains.Compliance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Storage;

namespace Campaign.Grains.Customers;

/// <summary>The live call as earlier versions stored it for each customer; only erased now (see <see cref="LiveCallClaim"/>).</summary>
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
/// never in two live calls at once, whichever campaigns target them (<see cref="LiveCallClaim"/>).
/// </summary>
public sealed class CustomerGrain(
    ICustomerDirectory directory,
    IDecisionLog decisions,
    ICallStore calls,
    CustomerLocator locator,
    DialRules rules,
    IWebhookEvents webhooks,
    IOptions<CallOptions> callOptions,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock) : Grain, ICustomerGrain
{
    private const string EarlierCallState = "customer-call";
    private LiveCallClaim _live = null!;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The longest a call holds its customer: the hold a call asks for (CallPlacement) when it is dialled.
        var longestHold = callOptions.Value.RingTimeout + callOptions.Value.MaxDuration + TimeSpan.FromMinutes(1);
        _live = new LiveCallClaim((skip, take) => decisions.ForCustomerAsync(Id, skip, take), () => directory.GetContactHistoryAsync(Id), longestHold);
        return Task.CompletedTask;
    }

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

    public async Task<DialVerdict> DecideDialAsync(DialRequest request)
    {
        var now = clock.GetUtcNow();
        var live = await _live.CurrentAsync(now);
        var profile = await directory.GetAsync(Id);
        if (live?.CallId == request.CallId && profile is not null)
        {
            return new DialVerdict(CallStartResult.Placed, null, profile); // the same call asking again: its decision stands
        }

        // Every fact is read before anything is decided; a fact that cannot be read throws, and nothing is dialled.
        var place = profile is null ? CallingPlace.Unknown([]) : locator.Locate(profile);
        var facts = new DialFacts(
            profile,
            place,
            profile is not null && await directory.IsDoNotCallAsync(profile.Phone),
            live is not null,
            profile is null ? 0 : await directory.CountAttemptsSinceAsync(Id, now.AddDays(-1)),
            profile is null ? 0 : await directory.CountAttemptsSinceAsync(Id, now.AddDays(-7)),
            request.Purpose,
            request.Window);
        var evaluation = rules.Evaluate(facts, now);
        CampaignTelemetry.DialDecisions.Add(1,
            new KeyValuePair<string, object?>("decision", evaluation.Decision.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("reason", DecidingRule(evaluation.Decision, evaluation.Reasons)));
        // Only a call has a call id: a skipped or held attempt never becomes a call one could look up.
        var callId = evaluation.Decision == DialDecisionKind.Call ? request.CallId : null;
        var decision = new DialDecision(now, request.CampaignId, Id, callId, evaluation.Decision, evaluation.Reasons,
            evaluation.Zone, evaluation.LocalTime, evaluation.Jurisdiction);

        // The decision is on record before the customer is claimed, so before any dial.
        await decisions.AppendAsync(decision);
        if (evaluation.Result == CallStartResult.Placed)
        {
            _live.Claim(request.CallId, request.HoldUntil);
        }

        return new DialVerdict(evaluation.Result, decision, profile);
    }

    public async Task EndCallAsync(string callId, ContactAttempt attempt)
    {
        await RecordContactAsync(attempt);
        _live.Release(callId);
    }

    public async Task RecordContactAsync(ContactAttempt attempt)
    {
        if (!await directory.RecordContactAsync(Id, attempt) && await directory.GetAsync(Id) is null)
        {
            throw new KeyNotFoundException($"customer '{Id}' does not exist");
        }
    }

    public async Task<IReadOnlyList<ConsentRecord>> AddConsentAsync(ConsentRecord record)
    {
        var profile = await directory.GetAsync(Id) ?? throw new KeyNotFoundException($"customer '{Id}' does not exist");
        var consent = ConsentHistory.Merge(profile.Consent, [record]) ?? [record];
        await directory.SetConsentAsync(Id, consent);
        return consent;
    }

    public async Task<ConsentRevocation> RevokeConsentAsync(ConsentKind? kind, string? scope)
    {
        var profile = await directory.GetAsync(Id) ?? throw new KeyNotFoundException($"customer '{Id}' does not exist");
        var (consent, revoked) = ConsentHistory.Revoke(profile.Consent, kind, scope, clock.GetUtcNow());
        if (revoked > 0)
        {
            await directory.SetConsentAsync(Id, consent);
        }

        return new ConsentRevocation(consent, revoked);
    }

    public async Task<ErasureResult> EraseAsync()
    {
        if (await directory.GetAsync(Id) is not { } profile)
        {
            return ErasureResult.NotFound;
        }

        if (await _live.CurrentAsync(clock.GetUtcNow()) is not null)
        {
            return ErasureResult.InLiveCall;
        }

        // Suppression first: whatever happens next, the person is never called again.
        await directory.AddDoNotCallAsync([new DoNotCallEntry(profile.Phone, "erased at the person's request", "erasure", clock.GetUtcNow())]);
        var placed = await CallsPlacedAsync();
        foreach (var callId in placed.Keys)
        {
            if (!await GrainFactory.GetGrain<ICallGrain>(callId).EraseAsync())
            {
                return ErasureResult.InLiveCall;
            }

            await calls.RedactAsync(callId, "erased at the person's request");
        }

        // The campaigns' statistics keep what the person said among their concerns' quotes: counted again without it.
        foreach (var campaignId in placed.Values.Distinct(StringComparer.Ordinal))
        {
            await GrainFactory.GetGrain<ICampaignGrain>(campaignId).RecountOutcomesAsync();
        }

        await directory.EraseAsync(Id);
        await EraseEarlierCallStateAsync();
        return ErasureResult.Erased;
    }

    /// <summary>Every call ever placed to the customer, with its campaign: from their contact history and, for calls that never reported, the dial decisions.</summary>
    private async Task<IReadOnlyDictionary<string, string>> CallsPlacedAsync()
    {
        var placed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attempt in await directory.GetContactHistoryAsync(Id))
        {
            placed[attempt.CallId] = attempt.CampaignId;
        }

        foreach (var decision in await decisions.AllForCustomerAsync(Id))
        {
            if (decision.CallId is { } callId)
            {
                placed.TryAdd(callId, decision.CampaignId);
            }
        }

        return placed;
    }

    public async Task OptOutAsync(string reason, string source, string? occasion = null)
    {
        var profile = await directory.GetAsync(Id) ?? throw new KeyNotFoundException($"customer '{Id}' does not exist");
        var at = clock.GetUtcNow();
        await directory.AddDoNotCallAsync([new DoNotCallEntry(profile.Phone, reason, source, at)]);
        await webhooks.OptedOutAsync(Id, profile.Phone, reason, source, at, occasion);
    }

    /// <summary>The live call earlier versions stored under the customer's id, if any.</summary>
    private async Task EraseEarlierCallStateAsync()
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var earlier = new GrainState<CustomerCallState>();
        await storage.ReadStateAsync(EarlierCallState, this.GetGrainId(), earlier);
        if (earlier.RecordExists)
        {
            await storage.ClearStateAsync(EarlierCallState, this.GetGrainId(), earlier);
        }
    }

    /// <summary>The rule named on the metric: for a call none held it back; otherwise the first that did.</summary>
    private static string DecidingRule(DialDecisionKind decision, IReadOnlyList<DecisionReason> reasons) =>
        decision == DialDecisionKind.Call || reasons.Count == 0 ? "none" : reasons[0].Rule;
}
