using System.Net;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Contract;

/// <summary>
/// A whole API session replayed through Prism's validating proxy: every request and every answer, errors included,
/// must be what the OpenAPI document says.
/// </summary>
[Collection(InProcessHostCollection.Name)]
public class PrismValidationTests(InProcessHost host)
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;

    [Fact]
    public async Task A_full_session_through_a_validating_proxy_breaks_no_part_of_the_document()
    {
        using var document = await ServedDocument.FetchAsync(host);
        await using var proxy = await PrismProxy.StartAsync(document.Path, host.BaseAddress);
        using var api = new ValidatedSession(proxy);
        var area = "Prism" + Guid.NewGuid().ToString("N")[..8];
        string Phone(int i) => TestCustomers.Phone(970_000 + i);

        await api.SendAsync(Get, "/health", HttpStatusCode.OK);

        // Customers: CSV, JSON and a form upload; a page, a profile, an unknown one, a bad page size.
        var csv = await api.JsonAsync(Post, "/api/customers/import", HttpStatusCode.OK, InProcessHost.Csv(
            $"id,name,phone,area,timeZone,issue.category,consent.kind,consent.at\n{area}-1,Ann,{Phone(1)},{area},{TestZones.Afternoon},electricity,express,2020-01-01\n{area}-2,Bob,not a phone,{area},,,,\n"));
        Assert.Equal(1, csv.GetProperty("imported").GetInt32());
        Assert.Equal(3, csv.GetProperty("rejected")[0].GetProperty("line").GetInt32());
        await api.SendAsync(Post, "/api/customers/import", HttpStatusCode.OK, InProcessHost.Json(
            $$"""[{ "id": "{{area}}-3", "name": "Cy", "phone": "{{Phone(3)}}", "area": "{{area}}", "timeZone": "{{TestZones.Afternoon}}", "tags": ["vip"], "attributes": { "plan": "basic" }, "consent": [{ "kind": "express", "at": "2020-01-01" }] }]"""));
        using (var form = new MultipartFormDataContent())
        {
            var file = InProcessHost.Csv($"id,name,phone,area,timeZone,consent.kind,consent.at\n{area}-4,Di,{Phone(4)},{area},{TestZones.Afternoon},express,2020-01-01\n");
            form.Add(file, "file", "customers.csv");
            // As a browser or curl writes it (quoted, no RFC 5987 filename*): Prism 5.16 stops on what .NET writes by default.
            file.Headers.ContentDisposition = new("form-data") { Name = "\"file\"", FileName = "\"customers.csv\"" };
            await api.SendAsync(Post, "/api/customers/import", HttpStatusCode.OK, form);
        }

        Assert.Equal(3, (await api.JsonAsync(Get, $"/api/customers?area={area}&take=10", HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await api.SendAsync(Get, $"/api/customers/{area}-1", HttpStatusCode.OK);
        await api.SendAsync(Get, "/api/customers/nobody-here", HttpStatusCode.NotFound);
        await api.SendAsync(Get, "/api/customers?take=0", HttpStatusCode.BadRequest);
        await api.SendAsync(Post, $"/api/customers/{area}-3/consent", HttpStatusCode.OK, InProcessHost.Json("""{ "kind": "expressWritten", "at": "2021-01-01", "source": "form" }"""));
        await api.SendAsync(Post, $"/api/customers/{area}-3/consent/revoke", HttpStatusCode.OK, InProcessHost.Json("""{ "kind": "expressWritten" }"""));

        // Segments and scripts.
        await api.SendAsync(Post, "/api/segments/preview", HttpStatusCode.OK, InProcessHost.Json($$"""{ "criteria": { "all": [ { "area": ["{{area}}"] }, { "not": { "tag": "vip" } } ] } }"""));
        var segment = await api.JsonAsync(Post, "/api/segments", HttpStatusCode.Created, InProcessHost.Json($$"""{ "name": "{{area}}", "criteria": { "area": ["{{area}}"] } }"""));
        var segmentId = segment.GetProperty("id").GetString();
        await api.SendAsync(Post, "/api/segments", HttpStatusCode.Conflict, InProcessHost.Json($$"""{ "name": "{{area}}", "criteria": { "area": ["{{area}}"] } }"""));
        await api.SendAsync(HttpMethod.Put, $"/api/segments/{segmentId}", HttpStatusCode.OK, InProcessHost.Json($$"""{ "name": "{{area}}", "description": "everyone in {{area}}", "criteria": { "any": [ { "area": ["{{area}}"] }, { "contact": "notContactedForDays", "days": 30 } ] } }"""));
        await api.SendAsync(HttpMethod.Put, $"/api/segments/{segmentId}", HttpStatusCode.OK, InProcessHost.Json($$"""{ "name": "{{area}}", "criteria": { "area": ["{{area}}"] } }"""));
        await api.SendAsync(Get, "/api/segments", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/segments/{segmentId}", HttpStatusCode.OK);
        await api.SendAsync(HttpMethod.Delete, "/api/segments/seg-none", HttpStatusCode.NotFound);

        var scriptId = "scr-" + area.ToLowerInvariant();
        await api.SendAsync(Post, "/api/scripts", HttpStatusCode.Created, InProcessHost.Json($$$"""
            { "id": "{{{scriptId}}}", "name": "Outage follow-up", "persona": { "agentName": "Alex", "company": "City Power" },
              "goal": "Check the outage is fixed", "opening": "Hello {{customer.firstName}}.", "closing": "Thank you.",
              "talkingPoints": ["Crews worked in {{customer.area}}."], "faq": [{ "question": "Credit?", "answer": "Yes." }],
              "disclosure": "I'm an automated assistant calling for {{persona.company}}." }
            """));
        await api.SendAsync(Post, "/api/scripts", HttpStatusCode.BadRequest, InProcessHost.Json("""{ "name": "Typo", "persona": { "agentName": "Alex", "company": "City Power" }, "goal": "g", "opening": "Hi {{customer.nmae}}", "closing": "Bye", "disclosure": "I'm automated." }"""));
        var script = await api.JsonAsync(Get, $"/api/scripts/{scriptId}", HttpStatusCode.OK);
        await api.SendAsync(HttpMethod.Put, $"/api/scripts/{scriptId}", HttpStatusCode.OK, InProcessHost.Json(script.GetRawText()));
        await api.SendAsync(Get, "/api/scripts", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/scripts/{scriptId}/versions", HttpStatusCode.OK);
        await api.SendAsync(Post, $"/api/scripts/{scriptId}/preview", HttpStatusCode.OK, InProcessHost.Json($$"""{ "customerId": "{{area}}-1" }"""));
        await api.SendAsync(Post, $"/api/scripts/{scriptId}/test", HttpStatusCode.OK, InProcessHost.Json("""{ "lines": ["Yes, tell me more.", "Call me tomorrow."] }"""));
        await api.SendAsync(Get, "/api/scripts/scr-none", HttpStatusCode.NotFound);

        // A campaign from draft to completion, with everything it reports.
        await api.SendAsync(Post, "/api/campaigns", HttpStatusCode.BadRequest, InProcessHost.Json("""{ "name": "No audience" }"""));
        var campaign = await api.JsonAsync(Post, "/api/campaigns", HttpStatusCode.Created, InProcessHost.Json($$"""
            { "name": "{{area}}", "segmentId": "{{segmentId}}", "scriptId": "{{scriptId}}", "maxConcurrentCalls": 3,
              "retryPolicy": { "maxAttempts": 1, "delays": { "noAnswer": "PT1H" } }, "voicemailPolicy": { "action": "hangUp" },
              "callingWindow": { "from": "00:00", "to": "24:00" } }
            """));
        var id = campaign.GetProperty("id").GetString();
        await api.SendAsync(Post, $"/api/campaigns/{id}/resume", HttpStatusCode.Conflict);
        await api.SendAsync(Post, $"/api/campaigns/{id}/start", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/campaigns/{id}/calls/live", HttpStatusCode.OK);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        JsonElement stats;
        do
        {
            await Task.Delay(200);
            stats = await api.JsonAsync(Get, $"/api/campaigns/{id}/stats", HttpStatusCode.OK);
        }
        while (stats.GetProperty("status").GetString() != "completed" && DateTime.UtcNow < deadline);

        Assert.Equal("completed", stats.GetProperty("status").GetString());
        var calls = await api.JsonAsync(Get, $"/api/campaigns/{id}/calls", HttpStatusCode.OK);
        Assert.Equal(3, calls.GetProperty("total").GetInt32());
        await api.SendAsync(Get, $"/api/calls/{calls.GetProperty("items")[0].GetProperty("id").GetString()}", HttpStatusCode.OK);
        await api.SendAsync(Get, "/api/calls/call-none", HttpStatusCode.NotFound);
        Assert.StartsWith("\uFEFFcallId,", await api.SendAsync(Get, $"/api/campaigns/{id}/export.csv", HttpStatusCode.OK));
        await api.SendAsync(Get, $"/api/campaigns/{id}/follow-ups", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/campaigns/{id}/follow-ups.csv", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/campaigns/{id}/decisions?decision=call", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/campaigns/{id}/decisions?decision=maybe", HttpStatusCode.BadRequest);
        await api.SendAsync(Get, $"/api/campaigns/{id}/decisions.csv", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/customers/{area}-1/decisions", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/customers/{area}-1", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/customers/{area}-1/export", HttpStatusCode.OK);
        await api.SendAsync(Get, "/api/campaigns", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/campaigns/{id}", HttpStatusCode.OK);
        await api.SendAsync(Post, $"/api/campaigns/{id}/pause", HttpStatusCode.Conflict);
        await api.SendAsync(Get, "/api/campaigns/cmp-none/stats", HttpStatusCode.NotFound);
        var insights = await api.JsonAsync(Get, "/api/insights/segments", HttpStatusCode.OK);
        Assert.NotEqual(0, insights.GetProperty("items").GetArrayLength());
        await api.SendAsync(Get, "/api/insights/segments?from=2026-01-01&to=2099-12-31", HttpStatusCode.OK);
        await api.SendAsync(Get, "/api/insights/segments?from=soon", HttpStatusCode.BadRequest);
        Assert.StartsWith("\uFEFFrank,", await api.SendAsync(Get, "/api/insights/segments.csv", HttpStatusCode.OK));
        await api.SendAsync(Get, $"/api/insights/timing?segment={segmentId}", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/insights/timing?segment=area:{area}", HttpStatusCode.OK);
        await api.SendAsync(Get, "/api/insights/timing", HttpStatusCode.OK);
        await api.SendAsync(Get, "/api/insights/timing?segment=seg-none", HttpStatusCode.NotFound);
        await api.SendAsync(Get, $"/api/insights/timing.csv?segment={segmentId}", HttpStatusCode.OK);

        // Do-not-call: one number as JSON, a list as CSV, the history, removal.
        await api.SendAsync(Post, "/api/dnc", HttpStatusCode.OK, InProcessHost.Json($$"""{ "phone": "{{Phone(1)}}", "reason": "asked on the phone" }"""));
        var list = await api.JsonAsync(Post, "/api/dnc", HttpStatusCode.OK, InProcessHost.Csv($"phone\n{Phone(3)}\nnot a phone\n"));
        Assert.Single(list.GetProperty("rejected").EnumerateArray());
        await api.SendAsync(Get, "/api/dnc?take=10", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/dnc/history?phone={Uri.EscapeDataString(Phone(1))}", HttpStatusCode.OK);
        await api.SendAsync(HttpMethod.Delete, $"/api/dnc/{Uri.EscapeDataString(Phone(3))}", HttpStatusCode.NoContent);
        await api.SendAsync(HttpMethod.Delete, $"/api/dnc/{Uri.EscapeDataString(Phone(3))}", HttpStatusCode.NotFound);

        // Schedules, the system, erasure.
        var schedule = await api.JsonAsync(Post, "/api/schedules", HttpStatusCode.Created, InProcessHost.Json($$"""
            { "campaign": { "name": "{{area}} weekly", "segmentId": "{{segmentId}}" }, "cron": "0 10 * * MON", "timeZone": "Europe/Lisbon" }
            """));
        await api.SendAsync(Get, "/api/schedules", HttpStatusCode.OK);
        await api.SendAsync(Get, $"/api/schedules/{schedule.GetProperty("id").GetString()}", HttpStatusCode.OK);
        await api.SendAsync(HttpMethod.Delete, $"/api/schedules/{schedule.GetProperty("id").GetString()}", HttpStatusCode.NoContent);
        await api.SendAsync(Get, "/api/system", HttpStatusCode.OK);
        await api.SendAsync(HttpMethod.Delete, $"/api/customers/{area}-4", HttpStatusCode.NoContent);
        await api.SendAsync(HttpMethod.Delete, $"/api/segments/{segmentId}", HttpStatusCode.NoContent);

        Assert.DoesNotContain("✖", proxy.Log);
    }
}
