using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Http;

[Collection(InProcessHostCollection.Name)]
public class ScheduleHttpTests(InProcessHost host)
{
    [Fact]
    public async Task Schedules_show_their_next_runs_and_refuse_bad_cron_expressions()
    {
        var area = "Sched" + Guid.NewGuid().ToString("N")[..6];
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv($"id,name,phone,area\n{area}-1,Someone,+12125550190,{area}\n"))).EnsureSuccessStatusCode();

        var bad = await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/schedules", InProcessHost.Json($$"""
            { "campaign": { "name": "Weekly", "criteria": { "area": ["{{area}}"] } }, "cron": "every monday", "timeZone": "Europe/Lisbon" }
            """)), HttpStatusCode.BadRequest);
        Assert.Equal("cron", bad.GetProperty("field").GetString());
        var badCampaign = await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/schedules", InProcessHost.Json("""
            { "campaign": { "name": "Weekly", "segmentId": "seg-none" }, "cron": "0 9 * * MON", "timeZone": "Europe/Lisbon" }
            """)), HttpStatusCode.BadRequest);
        Assert.Equal("campaign.segmentId", badCampaign.GetProperty("field").GetString());

        var created = await host.Client.PostAsync("/api/schedules", InProcessHost.Json($$"""
            { "campaign": { "name": "Weekly", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 2 }, "cron": "0 9 * * MON", "timeZone": "Europe/Lisbon" }
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schedule = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = schedule.GetProperty("id").GetString();
        var next = schedule.GetProperty("nextRuns").EnumerateArray().Select(r => r.GetDateTimeOffset()).ToList();
        Assert.Equal(5, next.Count);
        Assert.All(next, run => Assert.Equal(DayOfWeek.Monday, TimeZoneInfo.ConvertTime(run, TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon")).DayOfWeek));
        Assert.Equal(2, schedule.GetProperty("campaign").GetProperty("maxConcurrentCalls").GetInt32());

        var list = await host.Client.GetFromJsonAsync<JsonElement>("/api/schedules");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"/api/schedules/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync($"/api/schedules/{id}"), HttpStatusCode.NotFound);
    }
}
