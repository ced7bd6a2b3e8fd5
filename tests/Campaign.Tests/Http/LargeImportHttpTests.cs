using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>Multi-megabyte imports are read as they arrive: a fault far down still stores nothing, and an announced oversize upload is refused unread.</summary>
public class LargeImportHttpTests(LargeUploadHost fixture) : IClassFixture<LargeUploadHost>
{
    private readonly InProcessHost _host = fixture.Host;

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private static string CsvRows(string area, int from, int count)
    {
        var csv = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            csv.Append($"{area}-{i},Customer number {i} of the large file,{TestCustomers.Phone(i)},{area},America/New_York,,basic,electricity,2026-10-02,power cuts at night\n");
        }

        return csv.ToString();
    }

    private const string Header = "id,name,phone,area,timeZone,tags,attr.plan,issue.category,issue.reportedAt,issue.text\n";

    private async Task<int> CountInAreaAsync(string area) =>
        (await _host.Client.GetFromJsonAsync<JsonElement>($"/api/customers?area={area}&take=1")).GetProperty("total").GetInt32();

    private static ByteArrayContent CsvBytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task A_multi_megabyte_csv_with_a_byte_that_is_not_utf8_far_down_is_refused_with_its_line_and_stores_nothing()
    {
        var area = "Big" + Unique();
        byte[] file = [.. Encoding.UTF8.GetBytes(Header + CsvRows(area, 0, 40_000) + $"{area}-bad,J"), 0xF6, .. Encoding.UTF8.GetBytes($"rg,{TestCustomers.Phone(1)},{area}\n" + CsvRows(area, 40_001, 100))];
        Assert.True(file.Length > 4 * 1024 * 1024);

        var problem = await ProblemAssert.IsProblemAsync(await _host.Client.PostAsync("/api/customers/import", CsvBytes(file)), HttpStatusCode.BadRequest);

        Assert.Equal(40_002, problem.GetProperty("line").GetInt32());
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountInAreaAsync(area));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync($"/api/customers/{area}-0")).StatusCode);
    }

    [Fact]
    public async Task A_multi_megabyte_json_array_broken_near_its_end_is_refused_with_its_line_and_stores_nothing()
    {
        var area = "Js" + Unique();
        var json = new StringBuilder("[\n");
        for (var i = 0; i < 30_000; i++)
        {
            json.Append($$"""{ "id": "{{area}}-{{i}}", "name": "Customer number {{i}} of the large file", "phone": "{{TestCustomers.Phone(i)}}", "area": "{{area}}", "tags": ["vip"] },""").Append('\n');
        }

        json.Append($$"""{ "id": "{{area}}-last", "name": "Unclosed """).Append('\n');

        var problem = await ProblemAssert.IsProblemAsync(
            await _host.Client.PostAsync("/api/customers/import", InProcessHost.Json(json.ToString())), HttpStatusCode.BadRequest);

        Assert.Equal(30_002, problem.GetProperty("line").GetInt32());
        Assert.Equal(0, await CountInAreaAsync(area));
    }

    [Fact]
    public async Task An_upload_announced_over_the_limit_is_answered_413_without_its_body_being_sent()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var answer = await PartialUpload.AnnouncedAsync(
            _host.BaseAddress, "/api/customers/import", InProcessHost.ApiKey, LargeUploadHost.MaxImportBytes + 1, Encoding.UTF8.GetBytes(Header), guard.Token);

        Assert.Equal(413, answer.Status);
        Assert.StartsWith("application/problem+json", answer.ContentType);
        var problem = JsonDocument.Parse(answer.Body).RootElement;
        Assert.Equal("file", problem.GetProperty("field").GetString());
        Assert.Contains("Import:MaxFileBytes", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_streamed_upload_that_grows_past_the_limit_is_refused_and_stores_nothing()
    {
        var area = "Chk" + Unique();
        var rows = Encoding.UTF8.GetBytes(Header + CsvRows(area, 0, 200_000));
        Assert.True(rows.Length > LargeUploadHost.MaxImportBytes);

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var answer = await PartialUpload.ChunkedAsync(_host.BaseAddress, "/api/customers/import", InProcessHost.ApiKey, rows, guard.Token);

        Assert.Equal(413, answer.Status);
        Assert.StartsWith("application/problem+json", answer.ContentType);
        Assert.Equal("file", JsonDocument.Parse(answer.Body).RootElement.GetProperty("field").GetString());
        Assert.Equal(0, await CountInAreaAsync(area));
    }

    [Fact]
    public async Task Thousands_of_rows_uploaded_from_a_form_land_completely()
    {
        var area = "Form" + Unique();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("a note the form also carries"), "note" },
            { new StringContent(Header + CsvRows(area, 0, 5_000)), "file", "customers.csv" },
        };

        var response = await _host.Client.PostAsync("/api/customers/import", form);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((5_000, 0), (result.GetProperty("imported").GetInt32(), result.GetProperty("rejectedTotal").GetInt32()));
        Assert.Equal(5_000, await CountInAreaAsync(area));
        var last = await _host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{area}-4999");
        Assert.Equal("Customer number 4999 of the large file", last.GetProperty("name").GetString());
        Assert.Equal("electricity", last.GetProperty("issues")[0].GetProperty("category").GetString());
        Assert.Equal("basic", last.GetProperty("attributes").GetProperty("plan").GetString());
    }

    [Fact]
    public async Task Thousands_of_json_customers_land_completely_and_a_duplicate_is_named()
    {
        var area = "Arr" + Unique();
        var customers = Enumerable.Range(0, 4_000)
            .Select(i => new { id = $"{area}-{i}", name = $"Customer {i}", phone = TestCustomers.Phone(i), area, tags = new[] { "vip" } })
            .Append(new { id = $"{area}-7", name = "Twice", phone = TestCustomers.Phone(7), area, tags = Array.Empty<string>() });

        var response = await _host.Client.PostAsJsonAsync("/api/customers/import", customers);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4_000, result.GetProperty("imported").GetInt32());
        var rejected = Assert.Single(result.GetProperty("rejected").EnumerateArray());
        Assert.Equal(4_001, rejected.GetProperty("line").GetInt32());
        Assert.Contains("already on line 8", rejected.GetProperty("reason").GetString());
        Assert.Equal(4_000, await CountInAreaAsync(area));
    }
}
