using System.Text.Json;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Grains;
using Campaign.Host.Api;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Campaign.Host.Ui;

/// <summary>
/// Server-sent events for a campaign dashboard, pushed by the campaign grain: the stream reads the statistics and the
/// calls in flight when the grain says something changed, at most once per <see cref="LiveUpdateOptions.Interval"/>
/// however many changes arrive meanwhile, and anyway after <see cref="LiveUpdateOptions.FallbackPoll"/> of silence.
/// Each message is the statistics JSON plus <c>liveCalls</c> (the oldest calls in flight, at most
/// <see cref="CampaignQueries.DefaultLiveTake"/>) and <c>liveCallsTotal</c>, sent only when it changed; each read is one grain call.
/// </summary>
internal static class CampaignEvents
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(
        string id,
        HttpContext context,
        IGrainFactory grains,
        CampaignQueries queries,
        CampaignChangeHub hub,
        IOptions<LiveUpdateOptions> live,
        IOptions<JsonOptions> json)
    {
        var cancellationToken = context.RequestAborted;
        var response = context.Response;
        if (await grains.GetGrain<ICampaignGrain>(id).GetAsync() is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        // Subscribed before the first read, so no change between the read and the subscription is missed.
        using var watch = await hub.WatchAsync(id);
        string? last = null;
        var lastWrite = DateTime.UtcNow;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await queries.DashboardAsync(id) is not { } dashboard)
                {
                    return;
                }

                var stats = dashboard.Stats;
                var message = JsonSerializer.SerializeToNode(stats, json.Value.SerializerOptions)!.AsObject();
                message["liveCalls"] = JsonSerializer.SerializeToNode(dashboard.LiveCalls, json.Value.SerializerOptions);
                message["liveCallsTotal"] = dashboard.LiveCallsTotal;
                var payload = message.ToJsonString(json.Value.SerializerOptions);
                if (payload != last)
                {
                    await response.WriteAsync($"data: {payload}\n\n", cancellationToken);
                    last = payload;
                    lastWrite = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - lastWrite > KeepAlive)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    lastWrite = DateTime.UtcNow;
                }

                await response.Body.FlushAsync(cancellationToken);
                if (stats.Status is CampaignStatus.Completed or CampaignStatus.Cancelled && stats.InFlight == 0)
                {
                    await response.WriteAsync("event: end\ndata: {}\n\n", cancellationToken);
                    return;
                }

                // The throttle first, then the wait: changes during the pause collapse into one pending signal.
                await Task.Delay(live.Value.Interval, cancellationToken);
                await watch.WaitAsync(live.Value.FallbackPoll, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser went away.
        }
    }
}
