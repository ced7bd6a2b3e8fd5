using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>Ids, names, file encodings and dates a client gets wrong are refused, naming the field or line, before anything is saved.</summary>
[Collection(InProcessHostCollection.Name)]
public class HostileInputHttpTests(InProcessHost host)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private async Task<int> CountInAreaAsync(string area) =>
        (await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers?area={area}&take=1")).GetProperty("total").GetInt32();

    private async Task<JsonElement> ImportAsync(string csv)
    {
        var response = await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Import_rows_with_unusable_ids_or_long_names_are_rejected_by_line_and_the_good_row_lands()
    {
        var area = "Ids" + Unique();
        var csv = $"""
            id,name,phone,area
            {area}-ok,Ann,{TestCustomers.Phone(935_001)},{area}
            ..,Ben,{TestCustomers.Phone(935_002)},{area}
            {area}/x,Cai,{TestCustomers.Phone(935_003)},{area}
            {new string('a', 129)},Dee,{TestCustomers.Phone(935_004)},{area}
            {area}-long,{new string('n', 201)},{TestCustomers.Phone(935_005)},{area}
            """;

        var result = await ImportAsync(csv);

        Assert.Equal(1, result.GetProperty("imported").GetInt32());
        var rejected = result.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([3, 4, 5, 6], rejected.Select(r => r.Item1));
        Assert.Contains("id", rejected[0].Item2);
        Assert.Contains("letters, digits", rejected[1].Item2);
        Assert.Contains("longer than 128", rejected[2].Item2);
        Assert.Contains("name is longer than 200", rejected[3].Item2);
        Assert.Equal(1, await CountInAreaAsync(area));
    }

    [Fact]
    public async Task A_script_id_of_dot_dot_or_a_campaign_naming_a_bad_id_or_a_long_name_is_refused_naming_the_field()
    {
        var script = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/scripts", InProcessHost.Json("""{ "id": "..", "name": "x" }""")),
            HttpStatusCode.BadRequest);
        var segment = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/campaigns", InProcessHost.Json("""{ "name": "Bad ref", "segmentId": "a/b" }""")),
            HttpStatusCode.BadRequest);
        var name = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "{{new string('n', 201)}}", "criteria": { "area": ["X"] } }""")),
            HttpStatusCode.BadRequest);
        var variant = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/schedules", InProcessHost.Json("""{ "campaign": { "name": "S", "variants": [ { "segmentId": "seg-1", "scriptId": "." } ] }, "startAt": "2030-01-01T00:00:00Z" }""")),
            HttpStatusCode.BadRequest);

        Assert.Equal("id", script.GetProperty("field").GetString());
        Assert.Equal("segmentId", segment.GetProperty("field").GetString());
        Assert.Equal("name", name.GetProperty("field").GetString());
        Assert.Equal("campaign.variants[0].scriptId", variant.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_csv_with_bytes_that_are_not_utf8_is_refused_with_the_line_and_nothing_is_imported()
    {
        var area = "Utf" + Unique();
        var head = Encoding.UTF8.GetBytes($"id,name,phone,area\n{area}-1,Zoë,{TestCustomers.Phone(936_001)},{area}\n{area}-2,");
        byte[] latin1Name = [0x4A, 0xF6, 0x72, 0x67]; // "Jörg" in Windows-1252
        var tail = Encoding.UTF8.GetBytes($",{TestCustomers.Phone(936_002)},{area}\n");
        var content = new ByteArrayContent([.. head, .. latin1Name, .. tail]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var problem = await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/customers/import", content), HttpStatusCode.BadRequest);

        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountInAreaAsync(area));
    }

    [Fact]
    public async Task An_issue_reported_in_the_future_rejects_its_row_naming_the_field_while_today_is_accepted()
    {
        var area = "Fut" + Unique();
        var today = DateTimeOffset.UtcNow.ToString("O");
        var csv = $"""
            id,name,phone,area,issue.category,issue.reportedAt
            {area}-1,Ann,{TestCustomers.Phone(937_001)},{area},water,{today}
            {area}-2,Ben,{TestCustomers.Phone(937_002)},{area},water,2999-01-01T00:00:00Z
            """;

        var result = await ImportAsync(csv);

        Assert.Equal(1, result.GetProperty("imported").GetInt32());
        var rejected = Assert.Single(result.GetProperty("rejected").EnumerateArray());
        Assert.Equal(3, rejected.GetProperty("line").GetInt32());
        Assert.Contains("reportedAt", rejected.GetProperty("reason").GetString());
        Assert.Contains("future", rejected.GetProperty("reason").GetString());
    }
}
