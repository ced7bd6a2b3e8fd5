using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Campaign.Tests.Http;

[Collection(InProcessHostCollection.Name)]
public class CustomerImportHttpTests(InProcessHost host)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private async Task<JsonElement> ImportAsync(HttpContent content)
    {
        var response = await host.Client.PostAsync("/api/customers/import", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<int> CountInAreaAsync(string area) =>
        (await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers?area={area}&take=1")).GetProperty("total").GetInt32();

    [Fact]
    public async Task Health_is_open_and_the_api_needs_the_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/health")).StatusCode);
        await ProblemAssert.IsProblemAsync(await host.Anonymous.GetAsync("/api/customers"), HttpStatusCode.Unauthorized);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/customers");
        wrong.Headers.Add("X-Api-Key", "not-the-key");
        await ProblemAssert.IsProblemAsync(await host.Anonymous.SendAsync(wrong), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_csv_import_lands_and_a_reimport_updates_without_duplicates()
    {
        var area = "Area" + Unique();
        var csv = $"""
            id,name,phone,area,timeZone,tags,attr.plan,issue.category,issue.reportedAt,issue.text
            {area}-1,Ana Silva,(212) 555-0147,{area},America/New_York,vip,basic,electricity,2026-10-02T09:30:00Z,power cuts at night
            {area}-2,Ben Okafor,+1 617 555 0199,{area},America/New_York,,premium,,,
            """;

        var first = await ImportAsync(InProcessHost.Csv(csv));
        Assert.Equal((2, 0, 0), (first.GetProperty("imported").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("rejected").GetArrayLength()));

        var second = await ImportAsync(InProcessHost.Csv(csv.Replace("Ana Silva", "Ana Silva-Costa")));
        Assert.Equal((0, 2), (second.GetProperty("imported").GetInt32(), second.GetProperty("updated").GetInt32()));
        Assert.Equal(2, await CountInAreaAsync(area));

        var ana = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{area}-1");
        Assert.Equal("Ana Silva-Costa", ana.GetProperty("name").GetString());
        Assert.Equal("+12125550147", ana.GetProperty("phone").GetString());
        Assert.Equal("electricity", ana.GetProperty("issues")[0].GetProperty("category").GetString());
        Assert.Equal("basic", ana.GetProperty("attributes").GetProperty("plan").GetString());
        Assert.False(ana.GetProperty("doNotCall").GetBoolean());
        Assert.Equal(0, ana.GetProperty("contactHistory").GetArrayLength());
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_while_good_rows_land()
    {
        var area = "Area" + Unique();
        var result = await ImportAsync(InProcessHost.Csv($"""
            id,name,phone,area,timeZone
            {area}-1,Good,212-555-0101,{area},America/Chicago
            {area}-2,Bad Phone,555,{area},
            {area}-3,Bad Zone,212-555-0103,{area},Nowhere/Special
            {area}-1,Duplicate,212-555-0104,{area},
            {area}-5,Also Good,212-555-0105,{area},
            """));

        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        var rejected = result.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32(), r => r.GetProperty("reason").GetString()!);
        Assert.Equal([3, 4, 5], rejected.Keys.Order());
        Assert.Contains("phone", rejected[3]);
        Assert.Contains("Nowhere/Special", rejected[4]);
        Assert.Contains("duplicate id", rejected[5]);
        Assert.Equal(2, await CountInAreaAsync(area));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/customers/{area}-2")).StatusCode);
    }

    [Fact]
    public async Task A_json_array_imports_like_the_contract_says()
    {
        var id = "J-" + Unique();
        var result = await ImportAsync(InProcessHost.Json($$"""
            [ { "id": "{{id}}", "name": "Ana Silva", "phone": "+351912345678", "area": "Lisbon", "address": "12 Mill Rd",
                "timeZone": "Europe/Lisbon", "language": "en-US", "tags": ["vip"], "attributes": { "plan": "basic" },
                "issues": [ { "category": "electricity", "reportedAt": "2026-10-02T09:30:00Z", "text": "power cuts at night" } ] },
              { "id": "{{id}}-x", "name": "No Phone" } ]
            """));

        Assert.Equal(1, result.GetProperty("imported").GetInt32());
        Assert.Equal(2, result.GetProperty("rejected")[0].GetProperty("line").GetInt32());
        var customer = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal("Europe/Lisbon", customer.GetProperty("timeZone").GetString());
        Assert.Equal("vip", customer.GetProperty("tags")[0].GetString());
    }

    [Fact]
    public async Task Files_that_cannot_be_read_get_a_problem_naming_the_cause_and_change_nothing()
    {
        var area = "Area" + Unique();
        var unknownColumn = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv($"id,name,phone,area,colour\nX-{area},A,2125550101,{area},red\n")),
            HttpStatusCode.BadRequest);
        Assert.Equal("colour", unknownColumn.GetProperty("field").GetString());

        var malformed = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/customers/import", InProcessHost.Json($"[{{ \"id\": \"X-{area}\", \"name\": \"A\", \"phone\": \"2125550101\", \"area\": \"{area}\" }},\n{{ \"id\": ")),
            HttpStatusCode.BadRequest);
        Assert.Equal(2, malformed.GetProperty("line").GetInt32());

        await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv("")), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/customers/import", new StringContent("<customers/>", Encoding.UTF8, "application/xml")),
            HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, await CountInAreaAsync(area));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_whole()
    {
        var area = "Area" + Unique();
        var csv = new StringBuilder("id,name,phone,area\n");
        for (var i = 0; csv.Length <= InProcessHost.MaxImportBytes; i++)
        {
            csv.Append($"{area}-{i},Customer number {i} with a long name,+1212{200 + i / 10000 % 800:D3}{i % 10000:D4},{area}\n");
        }

        var problem = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString())),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("MB", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountInAreaAsync(area));
    }

    [Fact]
    public async Task An_uploaded_file_from_a_browser_form_imports_too()
    {
        var area = "Area" + Unique();
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"id,name,phone,area\n{area}-1,Form Upload,2125550177,{area}\n"), "file", "customers.csv" },
        };
        var result = await ImportAsync(form);
        Assert.Equal(1, result.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task Customer_lists_are_paged_and_validate_their_parameters()
    {
        var area = "Area" + Unique();
        var rows = string.Join('\n', Enumerable.Range(0, 7).Select(i => $"{area}-{i},Name {i},+1212{300 + i:D3}0000,{area}"));
        await ImportAsync(InProcessHost.Csv("id,name,phone,area\n" + rows));

        var page = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers?area={area}&skip=5&take=5");
        Assert.Equal(7, page.GetProperty("total").GetInt32());
        Assert.Equal([$"{area}-5", $"{area}-6"], page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        var problem = await ProblemAssert.IsProblemAsync(await host.Client.GetAsync("/api/customers?take=100000"), HttpStatusCode.BadRequest);
        Assert.Equal("take", problem.GetProperty("field").GetString());
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync("/api/customers/does-not-exist"), HttpStatusCode.NotFound);
    }
}
