using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

[Collection(InProcessHostCollection.Name)]
public class CampaignEventsHttpTests(InProcessHost host)
{
    [Fact]
    public async Task The_live_stream_sends_changed_stats_at_most_every_half_second_and_ends_with_the_campaign()
    {
        var area = "Sse" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,consent.kind,consent.at\n");
        for (var i = 0; i < 60; i++)
        {
            csv.Append($"{area}-{i:D3},Customer {i},{TestCustomers.Phone(800_000 + i)},{area},{TestZones.Afternoon},express,2020-01-01\n");
        }

        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var created = await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""
            { "name": "Stream {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 20, "retryPolicy": { "maxAttempts": 1 } }
            """));
        created.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var (session, _) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using var __ = session;
        using var response = await session.Client.GetAsync($"/ui/campaigns/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        (await host.Client.PostAsync($"/api/campaigns/{id}/start", InProcessHost.Json("{}"))).EnsureSuccessStatusCode();

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();
        var arrivals = new List<TimeSpan>();
        var statuses = new List<string>();
        var ended = false;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "event: end")
            {
                ended = true;
                break;
            }

            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                arrivals.Add(clock.Elapsed);
                statuses.Add(JsonDocument.Parse(line[6..]).RootElement.GetProperty("status").GetString()!);
            }
        }

        Assert.True(ended, "the stream ends when the campaign is over");
        Assert.Equal("draft", statuses[0]);
        Assert.Equal("completed", statuses[^1]);
        // 60 calls ending, 20 at a time, yet at most one message per 500 ms (plus the first and the last).
        Assert.True(arrivals.Count <= (clock.Elapsed.TotalMilliseconds / 500) + 2, $"{arrivals.Count} messages in {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task An_update_arrives_after_a_call_ends_without_waiting_for_the_fallback_poll()
    {
        // The host's fallback poll is an hour: every message after the first comes from the campaign grain's push.
        var area = "Push" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,consent.kind,consent.at\n");
        for (var i = 0; i < 3; i++)
        {
            csv.Append($"{area}-{i},Customer {i},{TestCustomers.Phone(810_000 + i)},{area},{TestZones.Afternoon},express,2020-01-01\n");
        }

        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var created = await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""
            { "name": "Push {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 1, "retryPolicy": { "maxAttempts": 1 } }
            """));
        created.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var (session, _) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using var __ = session;
        using var response = await session.Client.GetAsync($"/ui/campaigns/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.Equal("draft", (await NextStatsAsync(reader, timeout.Token)).GetProperty("status").GetString());

        (await host.Client.PostAsync($"/api/campaigns/{id}/start", InProcessHost.Json("{}"))).EnsureSuccessStatusCode();
        var finished = new List<int>();
        JsonElement stats;
        do
        {
            stats = await NextStatsAsync(reader, timeout.Token);
            finished.Add(stats.GetProperty("finished").GetInt32());
        }
        while (stats.GetProperty("finished").GetInt32() < 3);

        Assert.Equal(3, finished[^1]);
    }

    private static async Task<JsonElement> NextStatsAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line[6..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("the stream closed before the next statistics message");
    }

    [Fact]
    public async Task The_live_stream_of_an_unknown_campaign_is_404()
    {
        var (session, _) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using var __ = session;
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/ui/campaigns/cmp-nope/events")).StatusCode);
    }
}
