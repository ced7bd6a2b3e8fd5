using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Campaign.Abstractions.Telemetry;

/// <summary>
/// The product's own activity source and meter. Spans and measurements are recorded where the events already happen;
/// with no listener (telemetry off, the default) each costs a check. Prometheus names follow from the instrument name and
/// unit: <c>campaign.calls.ended</c> becomes <c>campaign_calls_ended_total</c>, <c>campaign.turn.duration</c> in seconds
/// <c>campaign_turn_duration_seconds</c>.
/// </summary>
public static class CampaignTelemetry
{
    public const string SourceName = "Campaign.Orleans";
    public const string MeterName = "Campaign.Orleans";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(MeterName);

    // Per campaign grain (one per campaign in the cluster): how many of its calls are in flight now, read when scraped.
    private static readonly ConcurrentDictionary<string, Func<int>> InFlightByCampaign = new();

    // Per trunk grain (one in the cluster): lines in use, read when scraped.
    private static readonly ConcurrentDictionary<object, Func<(int InUse, int Capacity)>> TrunkLines = new();

    public static readonly Counter<long> Dials = Meter.CreateCounter<long>(
        "campaign.dials", "{call}", "Calls handed to the telephony provider.");

    public static readonly Counter<long> CallsEnded = Meter.CreateCounter<long>(
        "campaign.calls.ended", "{call}", "Calls ended, by result (answered, voicemail, noAnswer, busy, failed, cancelled).");

    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>(
        "campaign.turn.duration", "s", "Time from the callee's words (or silence) reaching the call to the agent's reply being ready.");

    public static readonly Histogram<double> TimeToFirstAudio = Meter.CreateHistogram<double>(
        "campaign.time_to_first_audio", "s", "Time from a person answering to the first audio of the agent.");

    public static readonly Counter<long> DialDecisions = Meter.CreateCounter<long>(
        "campaign.dial_decisions", "{decision}", "Dial decisions by outcome (call, skip, wait) and deciding rule.");

    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>(
        "campaign.import.rows", "{row}", "Customer import rows by outcome (inserted, updated, rejected).");

    public static readonly Counter<long> WebhookSignatureFailures = Meter.CreateCounter<long>(
        "campaign.webhook.signature_failures", "{request}", "Provider webhooks refused for a missing or wrong signature or token.");

    static CampaignTelemetry()
    {
        Meter.CreateObservableUpDownCounter(
            "campaign.calls.in_flight",
            () => InFlightByCampaign.Select(c => new Measurement<int>(c.Value(), new KeyValuePair<string, object?>("campaign", c.Key))),
            "{call}",
            "Calls being dialled or talking now, by campaign (on the silo that hosts the campaign).");
        Meter.CreateObservableUpDownCounter(
            "campaign.trunk.lines_in_use",
            () => TrunkLines.Values.Select(t => new Measurement<int>(t().InUse)),
            "{line}",
            "Trunk lines leased to calls now.");
        Meter.CreateObservableUpDownCounter(
            "campaign.trunk.capacity",
            () => TrunkLines.Values.Select(t => new Measurement<int>(t().Capacity)),
            "{line}",
            "Trunk lines configured.");
    }

    /// <summary>Reports a campaign's calls in flight until the returned handle is disposed (its grain deactivates).</summary>
    public static IDisposable TrackInFlight(string campaignId, Func<int> inFlight)
    {
        InFlightByCampaign[campaignId] = inFlight;
        return new Untrack(() => InFlightByCampaign.TryRemove(new KeyValuePair<string, Func<int>>(campaignId, inFlight)));
    }

    /// <summary>Reports the trunk's lines until the returned handle is disposed.</summary>
    public static IDisposable TrackTrunk(object owner, Func<(int InUse, int Capacity)> lines)
    {
        TrunkLines[owner] = lines;
        return new Untrack(() => TrunkLines.TryRemove(owner, out _));
    }

    /// <summary>
    /// Starts a span around a write of a call's record to the call store (<c>store save call</c>), in the trace of what
    /// ended the call (a webhook's turn, a watchdog); <paramref name="system"/> names the store (<c>sqlite</c>, <c>azure.tables</c>).
    /// </summary>
    public static Activity? StartStoreWrite(string callId, string system) =>
        Source.StartActivity("store save call", ActivityKind.Client)?
            .SetTag("campaign.call.id", callId)
            .SetTag("db.system.name", system);

    /// <summary>
    /// Starts the span of an ended call's settling (outcome, record, report; <c>call settle</c>), which runs after the
    /// provider was answered: a child of what ended the call, so the end's trace goes on to the record's write.
    /// </summary>
    public static Activity? StartCallSettle(string callId, ActivityContext endedIn) =>
        Source.StartActivity("call settle", ActivityKind.Internal, endedIn)?
            .SetTag("campaign.call.id", callId);

    /// <summary>
    /// Starts a span that begins a trace of its own (a dial decision, a streamed turn), whatever is current; the caller's
    /// span, if any, is linked.
    /// </summary>
    public static Activity? StartRoot(string name, ActivityKind kind = ActivityKind.Internal)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            return Source.StartActivity(kind, default, null, previous is null ? null : [new ActivityLink(previous.Context)], name: name);
        }
        finally
        {
            if (Activity.Current is null)
            {
                Activity.Current = previous;
            }
        }
    }

    private sealed class Untrack(Action remove) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                remove();
            }
        }
    }
}
