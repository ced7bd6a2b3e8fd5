using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Http;

[Collection(InProcessHostCollection.Name)]
public class SegmentHttpTests(InProcessHost host)
{
    private async Task<string> SeedAreaAsync()
    {
        var area = "Seg" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            id,name,phone,area,tags,issue.category,issue.reportedAt
            {area}-1,One,+12125550111,{area},vip,electricity,{DateTimeOffset.UtcNow.AddDays(-3):O}
            {area}-2,Two,+12125550112,{area},,electricity,{DateTimeOffset.UtcNow.AddDays(-300):O}
            {area}-3,Three,+12125550113,{area},vip,water,{DateTimeOffset.UtcNow.AddDays(-1):O}
            """;
        var response = await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv));
        response.EnsureSuccessStatusCode();
        return area;
    }

    private async Task<JsonElement> PreviewAsync(string criteria)
    {
        var response = await host.Client.PostAsync("/api/segments/preview", InProcessHost.Json($$"""{ "criteria": {{criteria}} }"""));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Preview_counts_the_matching_customers_and_shows_a_sample()
    {
        var area = await SeedAreaAsync();
        var preview = await PreviewAsync($$"""{ "all": [ { "area": ["{{area}}"] }, { "issueCategory": "electricity", "withinDays": 90 } ] }""");

        Assert.Equal(1, preview.GetProperty("count").GetInt32());
        Assert.Equal($"{area}-1", preview.GetProperty("sample")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Invalid_criteria_get_a_problem_naming_the_part()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/segments/preview", InProcessHost.Json("""{ "criteria": { "all": [ { "tag": "vip" }, { "area": 7 } ] } }""")),
            HttpStatusCode.BadRequest);
        Assert.Equal("criteria.all[1].area", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Saved_segments_can_be_created_listed_changed_and_deleted()
    {
        var area = await SeedAreaAsync();
        var name = "VIPs of " + area;
        var created = await host.Client.PostAsync("/api/segments", InProcessHost.Json($$"""
            { "name": "{{name}}", "description": "test", "criteria": { "all": [ { "area": ["{{area}}"] }, { "tag": "vip" } ] } }
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var segment = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = segment.GetProperty("id").GetString();
        Assert.Equal(2, segment.GetProperty("count").GetInt32());
        Assert.Equal($"/api/segments/{id}", created.Headers.Location?.ToString());

        await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/segments", InProcessHost.Json($$"""{ "name": "{{name}}", "criteria": { "tag": "vip" } }""")),
            HttpStatusCode.Conflict);
        var missingName = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/segments", InProcessHost.Json("""{ "criteria": { "tag": "vip" } }""")),
            HttpStatusCode.BadRequest);
        Assert.Equal("name", missingName.GetProperty("field").GetString());

        var members = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers?segment={id}");
        Assert.Equal([$"{area}-1", $"{area}-3"], members.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        var list = await host.Client.GetFromJsonAsync<JsonElement>("/api/segments");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetString() == id);

        var updated = await host.Client.PutAsync($"/api/segments/{id}", InProcessHost.Json($$"""
            { "name": "{{name}} (water)", "criteria": { "all": [ { "area": ["{{area}}"] }, { "issueCategory": "water" } ] } }
            """));
        updated.EnsureSuccessStatusCode();
        Assert.Equal(1, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync($"/api/segments/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync($"/api/segments/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync($"/api/customers?segment={id}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Numbers_on_the_do_not_call_list_leave_every_audience()
    {
        var area = await SeedAreaAsync();
        var criteria = $$"""{ "area": ["{{area}}"] }""";
        Assert.Equal(3, (await PreviewAsync(criteria)).GetProperty("count").GetInt32());

        var added = await host.Client.PostAsync("/api/dnc", InProcessHost.Json("""{ "phone": "(212) 555-0112", "reason": "asked by letter" }"""));
        added.EnsureSuccessStatusCode();

        Assert.Equal(2, (await PreviewAsync(criteria)).GetProperty("count").GetInt32());
        var customer = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{area}-2");
        Assert.True(customer.GetProperty("doNotCall").GetBoolean());
        var list = await host.Client.GetFromJsonAsync<JsonElement>("/api/dnc");
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("phone").GetString() == "+12125550112" && e.GetProperty("source").GetString() == "api");

        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync("/api/dnc/+12125550112")).StatusCode);
        Assert.Equal(3, (await PreviewAsync(criteria)).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_csv_list_of_numbers_goes_on_the_do_not_call_list()
    {
        var response = await host.Client.PostAsync("/api/dnc", InProcessHost.Csv("phone\n+1 646 555 0190\nnot a number\n646-555-0191\n"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("added").GetInt32());
        Assert.Equal(3, result.GetProperty("rejected")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await host.Anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/customers/import", out _));
        Assert.True(paths.TryGetProperty("/api/segments/preview", out _));
    }
}
