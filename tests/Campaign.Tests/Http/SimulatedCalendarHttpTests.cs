using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Http;

/// <summary>
/// The simulator's calendar (<c>Telephony:Simulator:Calendar</c>): a night passes in seconds, and the engine still calls
/// nobody before their lawful hours on that calendar.
/// </summary>
public sealed class SimulatedCalendarHttpTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTimeOffset MondayNight = new(2026, 12, 7, 23, 0, 0, TimeSpan.FromHours(-5));
    private readonly InProcessHost _host = new([
        "--Telephony:Simulator:Calendar:Start", MondayNight.ToString("O"),
        "--Telephony:Simulator:Calendar:Speed", "3600",
    ]);

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_campaign_started_at_night_waits_for_the_morning_on_the_calendar_and_its_calls_last_as_long_as_in_life()
    {
        var area = "Cal" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,consent.kind,consent.at\n");
        for (var i = 0; i < 12; i++)
        {
            csv.Append($"{area}-{i:D2},Customer {i},{TestCustomers.Phone(1_812_000 + i)},{area},America/New_York,express,2020-01-01\n");
        }

        (await _host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var campaign = await _host.PostJsonAsync("/api/campaigns", $$"""
            { "name": "Night start {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 4, "retryPolicy": { "maxAttempts": 1 } }
            """);
        var id = campaign.GetProperty("id").GetString()!;
        await _host.PostJsonAsync($"/api/campaigns/{id}/start", "{}");

        var stats = await CalleeCampaign.WaitForCompletionAsync(_host.Client, id, TimeSpan.FromSeconds(90));
        Assert.Equal("completed", stats.GetProperty("status").GetString());

        var calls = (await _host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=50")).GetProperty("items").EnumerateArray()
            .Select(c => (
                Started: c.GetProperty("startedAt").GetDateTimeOffset(),
                Ended: c.GetProperty("endedAt").GetDateTimeOffset(),
                Result: c.GetProperty("result").GetString()))
            .ToList();
        Assert.True(calls.Count == 12, stats.ToString());
        foreach (var call in calls)
        {
            var local = TimeZoneInfo.ConvertTime(call.Started, NewYork);
            Assert.True(local.Date == new DateTime(2026, 12, 8) && local.Hour is >= 8 and < 21, $"called at {local:ddd HH:mm} New York time");
        }

        // The simulator's calls run on the same calendar: ringing out takes its simulated half minute, not a blink.
        Assert.All(calls.Where(c => c.Result is "answered" or "noAnswer"), c => Assert.True(c.Ended - c.Started >= TimeSpan.FromSeconds(5), $"{c.Result} lasted {c.Ended - c.Started}"));

        // The Orleans runtime (membership, timers, reminders, its watchdog) keeps the real clock.
        Assert.Same(TimeProvider.System, _host.Services.GetRequiredService<TimeProvider>());
        Assert.Same(TimeProvider.System, _host.Services.GetRequiredKeyedService<TimeProvider>(Orleans.Runtime.TimeProviderNames.Membership));
        Assert.Same(TimeProvider.System, _host.Services.GetRequiredKeyedService<TimeProvider>(Orleans.Runtime.TimeProviderNames.Grains));

        var system = await _host.Client.GetFromJsonAsync<JsonElement>("/api/system");
        var calendar = system.GetProperty("calendar");
        Assert.Equal(3600, calendar.GetProperty("speed").GetDouble());
        Assert.Equal(MondayNight, calendar.GetProperty("start").GetDateTimeOffset());
        Assert.True(calendar.GetProperty("now").GetDateTimeOffset() >= calls.Max(c => c.Ended));
    }
}
