using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>Consent records and the dial decisions, through the HTTP API as a CRM or an auditor would use them.</summary>
[Collection(InProcessHostCollection.Name)]
public class ComplianceHttpTests(InProcessHost host)
{
    private Task<JsonElement> PostAsync(string path, string json) => host.PostJsonAsync(path, json);

    [Fact]
    public async Task Consent_is_imported_shown_added_and_revoked_and_a_bad_record_is_refused_naming_the_field()
    {
        var area = "Cons" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            id,name,phone,area,timeZone,consent.kind,consent.scope,consent.source,consent.at,consent2.kind,consent2.at
            {area}-1,Ann,{TestCustomers.Phone(930_001)},{area},{TestZones.Afternoon},express,,web signup,2025-03-01,expressWritten,2025-04-01
            {area}-2,Bob,{TestCustomers.Phone(930_002)},{area},{TestZones.Afternoon},,,,,,
            {area}-3,Cy,{TestCustomers.Phone(930_003)},{area},{TestZones.Afternoon},express,,,,,
            """;
        var import = await (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, import.GetProperty("imported").GetInt32());
        Assert.Contains("consent[0].at is missing", Assert.Single(import.GetProperty("rejected").EnumerateArray()).GetProperty("reason").GetString());

        var ann = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{area}-1");
        var consent = ann.GetProperty("consent").EnumerateArray().ToList();
        Assert.Equal(["express", "expressWritten"], consent.Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal("web signup", consent[0].GetProperty("source").GetString());
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), consent[0].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, consent[0].GetProperty("revokedAt").ValueKind);
        Assert.Empty((await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{area}-2")).GetProperty("consent").EnumerateArray());

        var added = await PostAsync($"/api/customers/{area}-2/consent", """{ "kind": "express", "scope": "informational", "source": "phone call", "at": "2026-11-01T10:00:00Z" }""");
        Assert.Equal("informational", Assert.Single(added.GetProperty("consent").EnumerateArray()).GetProperty("scope").GetString());

        var revoked = await PostAsync($"/api/customers/{area}-1/consent/revoke", """{ "kind": "expressWritten" }""");
        Assert.Equal(1, revoked.GetProperty("revoked").GetInt32());
        var after = revoked.GetProperty("consent").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, after[0].GetProperty("revokedAt").ValueKind);
        Assert.True(after[1].GetProperty("revokedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        await Refused($"/api/customers/{area}-2/consent", """{ "at": "2026-11-01" }""", HttpStatusCode.BadRequest, "consent.kind");
        await Refused($"/api/customers/{area}-2/consent", """{ "kind": "express" }""", HttpStatusCode.BadRequest, "consent.at");
        await Refused($"/api/customers/{area}-2/consent", """{ "kind": "implied", "at": "2026-11-01" }""", HttpStatusCode.BadRequest, "consent.kind");
        await Refused($"/api/customers/{area}-2/consent", """{ "kind": "express", "at": "last tuesday" }""", HttpStatusCode.BadRequest, "consent.at");
        await Refused($"/api/customers/{area}-2/consent/revoke", """{ "kind": "implied" }""", HttpStatusCode.BadRequest, "kind");
        await Refused($"/api/customers/nobody-{area}/consent", """{ "kind": "express", "at": "2026-11-01" }""", HttpStatusCode.NotFound, null);

        // Nothing was half-written by the refusals.
        Assert.Single((await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{area}-2")).GetProperty("consent").EnumerateArray());
    }

    [Fact]
    public async Task A_row_whose_time_zone_cannot_be_known_is_imported_and_flagged_not_rejected()
    {
        var area = "Flag" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            id,name,phone,area
            {area}-1,Known Zone,{TestCustomers.Phone(933_001)},{area}
            {area}-2,Freephone,+80012345678,{area}
            """;

        var import = await (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, import.GetProperty("imported").GetInt32());
        Assert.Empty(import.GetProperty("rejected").EnumerateArray());
        var flag = Assert.Single(import.GetProperty("flagged").EnumerateArray());
        Assert.Equal(3, flag.GetProperty("line").GetInt32());
        Assert.Contains("time zone cannot be known", flag.GetProperty("reason").GetString());
        Assert.Equal(1, import.GetProperty("flaggedTotal").GetInt32());
        Assert.Equal("unknown", (await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{area}-2")).GetProperty("timeZoneSource").GetString());
    }

    [Fact]
    public async Task A_campaign_says_its_purpose_and_an_unknown_one_is_refused()
    {
        var area = "Purp" + Guid.NewGuid().ToString("N")[..8];
        var plain = await PostAsync("/api/campaigns", $$"""{ "name": "Outage check", "criteria": { "area": ["{{area}}"] } }""");
        var marketing = await PostAsync("/api/campaigns", $$"""{ "name": "Offers", "criteria": { "area": ["{{area}}"] }, "purpose": "marketing" }""");

        Assert.Equal("informational", plain.GetProperty("purpose").GetString());
        Assert.Equal("marketing", marketing.GetProperty("purpose").GetString());
        await Refused("/api/campaigns", $$"""{ "name": "X", "criteria": { "area": ["{{area}}"] }, "purpose": "sales" }""", HttpStatusCode.BadRequest, "purpose");
    }

    [Fact]
    public async Task The_decisions_say_why_each_customer_was_called_or_skipped_by_campaign_by_customer_and_as_CSV()
    {
        var area = "Dec" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            id,name,phone,area,timeZone,consent.kind,consent.at
            {area}-1,Ann,{TestCustomers.Phone(931_001)},{area},{TestZones.Afternoon},express,2025-03-01
            {area}-2,Bob,{TestCustomers.Phone(931_002)},{area},{TestZones.Afternoon},,
            """;
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).EnsureSuccessStatusCode();
        var id = (await PostAsync("/api/campaigns", $$"""{ "name": "Decisions {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 2, "retryPolicy": { "maxAttempts": 1 } }""")).GetProperty("id").GetString();
        await PostAsync($"/api/campaigns/{id}/start", "{}");

        var stats = await CompletedStatsAsync(id!);

        Assert.Equal("completed", stats.GetProperty("status").GetString());
        Assert.Equal(1, stats.GetProperty("skippedByReason").GetProperty("consent").GetInt32());

        var skips = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/decisions?decision=skip");
        Assert.Equal(1, skips.GetProperty("total").GetInt32());
        var skip = skips.GetProperty("items")[0];
        Assert.Equal(($"{area}-2", "skip", "consent"), (skip.GetProperty("customerId").GetString(), skip.GetProperty("decision").GetString(),
            skip.GetProperty("reasons")[0].GetProperty("rule").GetString()));

        var annDecisions = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{area}-1/decisions");
        var call = Assert.Single(annDecisions.GetProperty("items").EnumerateArray());
        Assert.Equal(("call", id), (call.GetProperty("decision").GetString(), call.GetProperty("campaignId").GetString()));
        Assert.StartsWith(id!, call.GetProperty("callId").GetString());
        Assert.Equal(TestZones.Afternoon, call.GetProperty("zone").GetString());
        Assert.Contains(call.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("rule").GetString() == "callingHours");
        Assert.False(string.IsNullOrEmpty(call.GetProperty("localTime").GetString()));

        var export = await host.Client.GetAsync($"/api/campaigns/{id}/decisions.csv");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("at,campaignId,customerId,callId,decision,rules,reasons,zone,localTime,jurisdiction", lines[0]);
        Assert.Contains(lines, l => l.Contains($",{area}-2,,skip,consent,", StringComparison.Ordinal));

        await Refused($"/api/campaigns/{id}/decisions?decision=maybe", null, HttpStatusCode.BadRequest, "decision");
        await Refused($"/api/customers/{area}-1/decisions?take=0", null, HttpStatusCode.BadRequest, "take");
    }

    [Fact]
    public async Task A_person_exports_everything_held_about_them_then_is_erased()
    {
        var area = "Priv" + Guid.NewGuid().ToString("N")[..8];
        // Eight people, three tries each: the simulator's customers do not always answer (those out at work in the
        // afternoon hardly ever), and one answered call is needed.
        var csv = new System.Text.StringBuilder("id,name,phone,area,timeZone,consent.kind,consent.at\n");
        for (var i = 1; i <= 8; i++)
        {
            csv.Append($"{area}-{i},Petra Exportova{i},{TestCustomers.Phone(932_000 + i)},{area},{TestZones.Afternoon},express,2025-03-01\n");
        }

        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var id = (await PostAsync("/api/campaigns", $$"""
            { "name": "Export {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 8,
              "retryPolicy": { "maxAttempts": 3, "delays": { "noAnswer": "PT1S", "busy": "PT1S", "failed": "PT1S", "voicemail": "PT1S" } } }
            """)).GetProperty("id").GetString();
        await PostAsync($"/api/campaigns/{id}/start", "{}");
        Assert.Equal("completed", (await CompletedStatsAsync(id!)).GetProperty("status").GetString());

        var calls = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=100");
        var answered = calls.GetProperty("items").EnumerateArray().First(c => c.GetProperty("result").GetString() == "answered");
        var person = answered.GetProperty("customerId").GetString()!;
        var number = int.Parse(person[(person.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        var export = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{person}/export");
        Assert.Equal($"Petra Exportova{number}", export.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal("express", export.GetProperty("customer").GetProperty("consent")[0].GetProperty("kind").GetString());
        var call = export.GetProperty("calls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == answered.GetProperty("id").GetString());
        Assert.Equal(id, call.GetProperty("campaignId").GetString());
        Assert.NotEmpty(call.GetProperty("transcript").EnumerateArray());
        Assert.Contains(export.GetProperty("decisions").EnumerateArray(), d => d.GetProperty("callId").GetString() == call.GetProperty("id").GetString());
        Assert.True(export.TryGetProperty("doNotCallChanges", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"/api/customers/{person}")).StatusCode);

        await Refused($"/api/customers/{person}", null, HttpStatusCode.NotFound, null);
        await Refused($"/api/customers/{person}/export", null, HttpStatusCode.NotFound, null);
        await ProblemAssert.IsProblemAsync(await host.Client.DeleteAsync($"/api/customers/{person}"), HttpStatusCode.NotFound);
        var redacted = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{call.GetProperty("id").GetString()}");
        Assert.Empty(redacted.GetProperty("transcript").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, redacted.GetProperty("outcome").ValueKind);
        var dnc = await host.Client.GetFromJsonAsync<JsonElement>($"/api/dnc/history?phone={Uri.EscapeDataString(TestCustomers.Phone(932_000 + number))}");
        // On the list for good: put there by the erasure, or earlier if the person opted out during the call.
        Assert.Contains(dnc.EnumerateArray(), c => c.GetProperty("action").GetString() == "added" && c.GetProperty("source").GetString() is "erasure" or "call");
        Assert.DoesNotContain(dnc.EnumerateArray(), c => c.GetProperty("action").GetString() == "removed");
        Assert.Equal(export.GetProperty("decisions").GetArrayLength(), (await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{person}/decisions")).GetProperty("total").GetInt32());
    }

    /// <summary>The campaign's stats once it has completed, or as they stand after a minute.</summary>
    private async Task<JsonElement> CompletedStatsAsync(string id)
    {
        JsonElement stats = default;
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            stats = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
            if (stats.GetProperty("status").GetString() == "completed")
            {
                break;
            }
        }

        return stats;
    }

    private async Task Refused(string path, string? json, HttpStatusCode status, string? field)
    {
        var response = json is null ? await host.Client.GetAsync(path) : await host.Client.PostAsync(path, InProcessHost.Json(json));
        var problem = await ProblemAssert.IsProblemAsync(response, status);
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }
    }
}
