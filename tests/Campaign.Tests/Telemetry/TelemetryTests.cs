using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Text;
using Campaign.Abstractions.Telemetry;
using Campaign.Host.Hosting;
using Campaign.Tests.Support;
using Campaign.Tests.Twilio;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Campaign.Tests.Telemetry;

/// <summary>
/// A short campaign through the fake Twilio with OpenTelemetry's in-memory exporters in the host: webhook turns are traced
/// through the call grain, the agent and the store (a call's end through the write of its record), dial decisions are traces of their own, and the product's metrics move.
/// The sources and meters are process-wide, so other tests running at the same time may add to what is seen here: the
/// traces are picked by this campaign's call ids and the counters are compared before and after.
/// </summary>
public class TelemetryTests
{
    [Fact]
    public async Task A_webhook_turn_is_one_trace_through_the_call_grain_the_agent_and_the_store_and_the_metrics_follow_the_calls()
    {
        var spans = new LockedCollection<Activity>();
        var snapshots = new LockedCollection<MetricSnapshot>();
        await using var host = await TwilioHost.StartAsync("Gather", [], services => services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddCampaignSources().AddInMemoryExporter(spans))
            .WithMetrics(metrics => metrics.AddCampaignMeters().AddInMemoryExporter(snapshots, reader =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000)));
        var meters = host.Services.GetRequiredService<MeterProvider>();
        var before = Collect(meters, snapshots);

        // The person answers only once the gauge has shown the campaign's calls in flight.
        var answer = new TaskCompletionSource();
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.Talkative with { AnswerGate = answer.Task }, CalleeScript.Machine, CalleeScript.NoAnswer], 760_000, maxConcurrentCalls: 3);
        var peakInFlight = 0L;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            peakInFlight = Math.Max(peakInFlight, Sum(Collect(meters, snapshots), "campaign.calls.in_flight", ("campaign", id)));
            if (peakInFlight > 0)
            {
                answer.TrySetResult();
            }

            var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.Zero);
            if (stats.GetProperty("status").GetString() == "completed")
            {
                break;
            }

            await Task.Delay(50);
        }

        var final = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.Zero);
        Assert.Equal("completed", final.GetProperty("status").GetString());
        var after = Collect(meters, snapshots);

        // Metrics: the calls were dialled, decided, ended by result, timed; the campaign had calls in flight.
        Assert.InRange(peakInFlight, 1, 3);
        Assert.True(Sum(after, "campaign.dials") - Sum(before, "campaign.dials") >= 3);
        Assert.True(Sum(after, "campaign.dial_decisions", ("decision", "call")) - Sum(before, "campaign.dial_decisions", ("decision", "call")) >= 3);
        foreach (var result in new[] { "answered", "voicemail", "noAnswer" })
        {
            Assert.True(Sum(after, "campaign.calls.ended", ("result", result)) - Sum(before, "campaign.calls.ended", ("result", result)) >= 1, result);
        }

        Assert.True(Count(after, "campaign.turn.duration") - Count(before, "campaign.turn.duration") >= 1);
        Assert.True(Count(after, "campaign.time_to_first_audio") - Count(before, "campaign.time_to_first_audio") >= 1);
        Assert.True(Sum(after, "campaign.import.rows", ("outcome", "inserted")) - Sum(before, "campaign.import.rows", ("outcome", "inserted")) >= 3);
        Assert.Contains(after, m => m.Name == "campaign.trunk.capacity");

        // Traces: the spans of this campaign's calls, found by the call ids the fake saw.
        var callIds = host.Twilio.Calls.Values.Select(c => c.CallId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(3, callIds.Count);
        var all = spans.Snapshot();
        var children = all.Where(s => s.ParentSpanId != default).ToLookup(s => s.ParentSpanId);
        IEnumerable<Activity> Below(Activity span) => children[span.SpanId].SelectMany(c => Below(c).Prepend(c));

        // A turn: Twilio posts what the callee said; the webhook's request span holds the grain call, the agent's reply
        // (with the kernel's spans, when it invokes functions) and the write of the call's state, all in its trace.
        var webhooks = all.Where(s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server
            && Path(s).StartsWith("/telephony/twilio/", StringComparison.Ordinal)).ToList();
        Assert.True(webhooks.Count > 0, Describe(all, webhooks));
        var turns = webhooks.Select(w => (Request: w, Below: Below(w).ToList()))
            .Where(t => t.Below.Any(s => s.Source.Name == CampaignTelemetry.SourceName && s.DisplayName == "agent respond"
                && callIds.Contains(s.GetTagItem("campaign.call.id") as string ?? "")))
            .ToList();
        Assert.True(turns.Count > 0, Describe(all, webhooks));
        foreach (var (request, below) in turns)
        {
            Assert.All(below, s => Assert.Equal(request.TraceId, s.TraceId));
            Assert.Contains(below, s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.DisplayName.Contains("ICallGrain/OnEventAsync", StringComparison.Ordinal));
            Assert.Contains(below, s => s.Source.Name == "Microsoft.Orleans.Storage");
        }

        Assert.Contains(turns.SelectMany(t => t.Below), s => s.Source.Name.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal));

        // The end of a call: the webhook that reports it is answered at once, and the call's settling that follows writes
        // the call's record, a span in the same trace.
        var ends = webhooks.Select(w => (Request: w, Stores: Below(w).Where(s => s.Source.Name == CampaignTelemetry.SourceName
                && s.DisplayName == "store save call" && callIds.Contains(s.GetTagItem("campaign.call.id") as string ?? "")).ToList()))
            .Where(e => e.Stores.Count > 0)
            .ToList();
        Assert.Equal(callIds, ends.SelectMany(e => e.Stores).Select(s => (string)s.GetTagItem("campaign.call.id")!).ToHashSet(StringComparer.Ordinal));
        Assert.All(ends, e => Assert.All(e.Stores, s =>
        {
            Assert.Equal(e.Request.TraceId, s.TraceId);
            Assert.Equal(ActivityKind.Client, s.Kind);
            Assert.Equal("sqlite", s.GetTagItem("db.system.name"));
        }));

        // A dial decision: a trace of its own, through the call's start and the customer's decision.
        var decisions = all.Where(s => s.Source.Name == CampaignTelemetry.SourceName && s.DisplayName == "dial decision"
            && callIds.Contains(s.GetTagItem("campaign.call.id") as string ?? "")).ToList();
        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, d =>
        {
            Assert.Equal(default, d.ParentSpanId);
            Assert.Equal("Placed", d.GetTagItem("campaign.dial.result"));
            var below = Below(d).ToList();
            Assert.Contains(below, s => s.DisplayName.Contains("ICallGrain/StartAsync", StringComparison.Ordinal));
            Assert.Contains(below, s => s.DisplayName.Contains("ICustomerGrain/DecideDialAsync", StringComparison.Ordinal));
        });
        Assert.Equal(3, decisions.Select(d => d.TraceId).Distinct().Count());
    }

    private static string Path(Activity span) => span.GetTagItem("url.path") as string ?? span.DisplayName;

    private static string Describe(IReadOnlyList<Activity> all, IReadOnlyList<Activity> webhooks)
    {
        var text = new StringBuilder($"{all.Count} spans; webhook requests: {webhooks.Count}\n");
        foreach (var span in all.Take(200))
        {
            text.Append($"{span.Source.Name} | {span.DisplayName} | {span.Kind} | trace {span.TraceId} span {span.SpanId} parent {span.ParentSpanId} | ")
                .AppendJoin(", ", span.TagObjects.Select(t => $"{t.Key}={t.Value}")).Append('\n');
        }

        return text.ToString();
    }

    private static List<MetricSnapshot> Collect(MeterProvider meters, LockedCollection<MetricSnapshot> snapshots)
    {
        snapshots.Clear();
        Assert.True(meters.ForceFlush(10_000));
        return snapshots.Snapshot().ToList();
    }

    private static long Sum(IEnumerable<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    private static long Count(IEnumerable<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());

    private static IEnumerable<MetricPoint> Points(IEnumerable<MetricSnapshot> metrics, string name, (string Key, string Value)[] tags) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints).Where(p => tags.All(t => HasTag(p, t.Key, t.Value)));

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value?.ToString(), value))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A collection the exporters may add to from any thread while the test reads it.</summary>
internal sealed class LockedCollection<T> : Collection<T>
{
    private readonly object _lock = new();

    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (_lock)
        {
            base.ClearItems();
        }
    }
}
