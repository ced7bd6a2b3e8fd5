using System.Text.Json;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Storage;
using Campaign.Host.Api;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Campaign.Host.Ui;

/// <summary>
/// Server-sent events for a campaign dashboard: the statistics JSON, sent only when it changed and at most every
/// <see cref="Interval"/>, however many calls end meanwhile, so a busy campaign cannot flood the browser.
/// </summary>
internal static class CampaignEvents
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(string id, HttpContext context, IGrainFactory grains, ICallStore calls, IOptions<JsonOptions> json)
    {
        var cancellationToken = context.RequestAborted;
        var response = context.Response;
        if (await CampaignEndpoints.LoadStatsAsync(grains, calls, id, cancellationToken) is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        string? last = null;
        var lastWrite = DateTime.UtcNow;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var stats = await CampaignEndpoints.LoadStatsAsync(grains, calls, id, cancellationToken);
                if (stats is null)
                {
                    return;
                }

                var payload = JsonSerializer.Serialize(stats, json.Value.SerializerOptions);
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

                await Task.Delay(Interval, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser went away.
        }
    }
}
