using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

[Collection(InProcessHostCollection.Name)]
public class CampaignHttpTests(InProcessHost host)
{
    private async Task<string> ImportAreaAsync(int count, int phoneOffset)
    {
        var area = "Cmp" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.text,consent.kind,consent.at\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append($"{area}-{i:D4},Customer {i},{TestCustomers.Phone(phoneOffset + i)},{area},{TestZones.Afternoon},electricity,power cuts at night,express,2020-01-01\n");
        }

        var response = await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()));
        response.EnsureSuccessStatusCode();
        return area;
    }

    private async Task<JsonElement> PostAsync(string path, string json)
    {
        var response = await host.Client.PostAsync(path, InProcessHost.Json(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_500_customer_campaign_runs_to_completion_at_20_calls_at_once()
    {
        var north = await ImportAreaAsync(250, 500_000);
        var south = await ImportAreaAsync(250, 500_250);
        var segmentNorth = (await PostAsync("/api/segments", $$"""{ "name": "North {{north}}", "criteria": { "area": ["{{north}}"] } }""")).GetProperty("id").GetString();
        var segmentSouth = (await PostAsync("/api/segments", $$"""{ "name": "South {{south}}", "criteria": { "area": ["{{south}}"] } }""")).GetProperty("id").GetString();
        var campaign = await PostAsync("/api/campaigns", $$"""
            { "name": "Outage follow-up {{north}}", "variants": [ { "segmentId": "{{segmentNorth}}" }, { "segmentId": "{{segmentSouth}}" } ],
              "maxConcurrentCalls": 20, "retryPolicy": { "maxAttempts": 1 } }
            """);
        var id = campaign.GetProperty("id").GetString();
        Assert.Equal("draft", campaign.GetProperty("status").GetString());

        var started = await PostAsync($"/api/campaigns/{id}/start", "{}");
        Assert.Equal("running", started.GetProperty("status").GetString());
        Assert.Equal(500, started.GetProperty("audience").GetInt32());

        JsonElement stats = default;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            stats = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
            Assert.InRange(stats.GetProperty("inFlight").GetInt32(), 0, 20);
            if (stats.GetProperty("status").GetString() == "completed")
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.Equal("completed", stats.GetProperty("status").GetString());
        Assert.Equal(500, stats.GetProperty("finished").GetInt32());
        Assert.InRange(stats.GetProperty("peakInFlight").GetInt32(), 2, 20);
        var results = stats.GetProperty("results");
        var total = results.EnumerateObject().Sum(r => r.Value.GetInt32());
        Assert.Equal(500, total);
        Assert.True(results.GetProperty("answered").GetInt32() > 0, "nobody answered");

        var calls = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=500");
        Assert.Equal(500, calls.GetProperty("total").GetInt32());
        var answered = calls.GetProperty("items").EnumerateArray().First(c => c.GetProperty("result").GetString() == "answered");
        var detail = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{answered.GetProperty("id").GetString()}");
        Assert.True(detail.GetProperty("transcript").GetArrayLength() >= 2);
        Assert.NotEqual(JsonValueKind.Null, detail.GetProperty("outcome").ValueKind);
        Assert.Equal(JsonValueKind.Number, detail.GetProperty("firstAudioMs").ValueKind);
        Assert.True(stats.GetProperty("abandonRate").GetDouble() < 0.03, "the simulated agent answers at once");

        var system = await host.Client.GetFromJsonAsync<JsonElement>("/api/system");
        Assert.Equal(0, system.GetProperty("trunk").GetProperty("inUse").GetInt32());

        // The statistics by segment are exactly what the stored calls say.
        var records = calls.GetProperty("items").EnumerateArray().ToList();
        var bySegment = stats.GetProperty("bySegment").EnumerateArray().ToDictionary(s => s.GetProperty("segment").GetString()!);
        Assert.Equal(new[] { segmentNorth!, segmentSouth! }.Order(), bySegment.Keys.Order());
        foreach (var (segment, row) in bySegment)
        {
            var mine = records.Where(c => c.GetProperty("segmentId").GetString() == segment).ToList();
            var answeredCalls = mine.Where(c => c.GetProperty("result").GetString() == "answered").ToList();
            int Interest(string level) => answeredCalls.Count(c => c.GetProperty("outcome").GetProperty("interest").GetString() == level);
            Assert.Equal(250, row.GetProperty("called").GetInt32());
            Assert.Equal(mine.Count, row.GetProperty("called").GetInt32());
            Assert.Equal(answeredCalls.Count, row.GetProperty("answered").GetInt32());
            Assert.Equal(Interest("interested"), row.GetProperty("interested").GetInt32());
            Assert.Equal(Interest("neutral"), row.GetProperty("neutral").GetInt32());
            Assert.Equal(Interest("notInterested"), row.GetProperty("notInterested").GetInt32());
            Assert.StartsWith(segment == segmentNorth ? "North" : "South", row.GetProperty("name").GetString());
        }

        var matrix = stats.GetProperty("attemptsByHourAndWeekday").EnumerateArray().ToList();
        Assert.Equal(7, matrix.Count);
        Assert.All(matrix, row => Assert.Equal(24, row.GetArrayLength()));
        Assert.Equal(500, matrix.Sum(row => row.EnumerateArray().Sum(v => v.GetInt32())));
        var followUps = stats.GetProperty("followUps");
        Assert.Equal(
            answeredCallsWith(records, "moreInfo"),
            followUps.GetProperty("moreInfo").GetInt32());

        var export = await host.Client.GetStringAsync($"/api/campaigns/{id}/export.csv");
        Assert.Equal(501, export.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("callId,customerId,segmentId,attempt,result", export);

        static int answeredCallsWith(List<JsonElement> records, string kind) =>
            records.Count(c => c.GetProperty("outcome").ValueKind == JsonValueKind.Object
                && c.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString() == kind);
    }

    [Fact]
    public async Task Campaign_requests_that_make_no_sense_get_a_problem_naming_the_field()
    {
        var area = await ImportAreaAsync(2, 600_000);
        async Task<JsonElement> Refused(string json, HttpStatusCode status)
        {
            return await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/campaigns", InProcessHost.Json(json)), status);
        }

        Assert.Equal("maxConcurrentCalls", (await Refused($$"""{ "name": "x", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 0 }""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("maxConcurrentCalls", (await Refused($$"""{ "name": "x", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 500 }""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("segmentId", (await Refused("""{ "name": "x", "segmentId": "seg-nope" }""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("scriptId", (await Refused($$"""{ "name": "x", "criteria": { "area": ["{{area}}"] }, "scriptId": "scr-nope" }""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("retryPolicy.delays.busy", (await Refused($$"""{ "name": "x", "criteria": { "area": ["{{area}}"] }, "retryPolicy": { "delays": { "busy": "soon" } } }""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("segmentId", (await Refused("""{ "name": "x" }""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("callingWindow.days[1]", (await Refused($$"""{ "name": "x", "criteria": { "area": ["{{area}}"] }, "callingWindow": { "days": ["monday", "funday"] } }""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("callingWindow.to", (await Refused($$"""{ "name": "x", "criteria": { "area": ["{{area}}"] }, "callingWindow": { "from": "18:00", "to": "09:00" } }""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("callingWindow.timeZone", (await Refused($$"""{ "name": "x", "criteria": { "area": ["{{area}}"] }, "callingWindow": { "timeZone": "Mars/Base" } }""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());

        var windowed = await PostAsync("/api/campaigns", $$"""
            { "name": "Evenings", "criteria": { "area": ["{{area}}"] }, "callingWindow": { "days": ["monday", "friday"], "from": "17:00", "to": "20:30", "timeZone": "Europe/Lisbon" } }
            """);
        var window = windowed.GetProperty("callingWindow");
        Assert.Equal(["monday", "friday"], window.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(("17:00", "20:30", "Europe/Lisbon"), (window.GetProperty("from").GetString(), window.GetProperty("to").GetString(), window.GetProperty("timeZone").GetString()));

        var empty = await PostAsync("/api/campaigns", """{ "name": "Nobody", "criteria": { "area": ["No Such Area"] } }""");
        var id = empty.GetProperty("id").GetString();
        var problem = await ProblemAssert.IsProblemAsync(await host.Client.PostAsync($"/api/campaigns/{id}/start", null), HttpStatusCode.BadRequest);
        Assert.Contains("audience is empty", problem.GetProperty("detail").GetString());
        Assert.Equal("draft", (await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await host.Client.PostAsync($"/api/campaigns/{id}/resume", null), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/campaigns/cmp-unknown/start", null), HttpStatusCode.NotFound);
    }
}
