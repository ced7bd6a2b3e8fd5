using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>Criteria too large to count cheaply are refused before anything is saved; the largest allowed ones store, list and run.</summary>
[Collection(InProcessHostCollection.Name)]
public class CriteriaLimitsHttpTests(InProcessHost host)
{
    private static string AnyOf(int conditions, int valuesEach, string firstArea) =>
        JsonSerializer.Serialize(new
        {
            any = Enumerable.Range(0, conditions).Select(c => new { area = Enumerable.Range(0, valuesEach).Select(v => c == 0 && v == 0 ? firstArea : $"Nowhere-{c}-{v}").ToArray() }).ToArray(),
        });

    [Fact]
    public async Task A_thousand_conditions_or_fifty_thousand_values_are_refused_naming_the_field_and_nothing_is_saved()
    {
        var before = (await host.Client.GetFromJsonAsync<JsonElement>("/api/segments")).GetArrayLength();

        var tooMany = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/segments", InProcessHost.Json($$"""{ "name": "Huge {{Guid.NewGuid():N}}", "criteria": {{AnyOf(1000, 1, "X")}} }""")),
            HttpStatusCode.BadRequest);
        var areas = JsonSerializer.Serialize(Enumerable.Range(0, 50_000).Select(i => $"Area{i}"));
        var tooLong = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/segments", InProcessHost.Json($$"""{ "name": "Long {{Guid.NewGuid():N}}", "criteria": { "area": {{areas}} } }""")),
            HttpStatusCode.BadRequest);
        var campaign = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Huge", "criteria": {{AnyOf(1000, 1, "X")}} }""")),
            HttpStatusCode.BadRequest);
        var preview = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/segments/preview", InProcessHost.Json($$"""{ "criteria": { "area": {{areas}} } }""")),
            HttpStatusCode.BadRequest);

        Assert.StartsWith("criteria.any[", tooMany.GetProperty("field").GetString());
        Assert.Equal("criteria.area", tooLong.GetProperty("field").GetString());
        Assert.StartsWith("criteria", campaign.GetProperty("field").GetString());
        Assert.Equal("criteria.area", preview.GetProperty("field").GetString());
        Assert.Equal(before, (await host.Client.GetFromJsonAsync<JsonElement>("/api/segments")).GetArrayLength());
    }

    [Fact]
    public async Task The_largest_allowed_criteria_are_saved_listed_and_started()
    {
        var area = "Big" + Guid.NewGuid().ToString("N")[..8];
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(
            $"id,name,phone,area,timeZone,consent.kind,consent.at\n{area}-1,Ann,{TestCustomers.Phone(1_816_001)},{area},{TestZones.Afternoon},express,2020-01-01\n"))).EnsureSuccessStatusCode();
        var criteria = AnyOf(99, 50, area); // 100 conditions with the root, 4,950 values

        var saved = await host.Client.PostAsync("/api/segments", InProcessHost.Json($$"""{ "name": "Largest {{area}}", "criteria": {{criteria}} }"""));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var list = await host.Client.GetAsync("/api/segments");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listed = (await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(s => s.GetProperty("name").GetString() == $"Largest {area}");
        Assert.Equal(1, listed.GetProperty("count").GetInt32());

        var created = await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Largest {{area}}", "criteria": {{criteria}}, "retryPolicy": { "maxAttempts": 1 } }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var started = await host.Client.PostAsync($"/api/campaigns/{id}/start", null);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(1, (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("audience").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/campaigns")).StatusCode);
    }
}
