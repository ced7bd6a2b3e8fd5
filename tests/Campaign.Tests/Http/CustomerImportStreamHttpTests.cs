using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary><c>POST /ui/customers/import</c>: the customers page's import, answering with progress events.</summary>
[Collection(InProcessHostCollection.Name)]
public class CustomerImportStreamHttpTests(InProcessHost host)
{
    private static MultipartFormDataContent Upload(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "people.csv" } };
    }

    [Fact]
    public async Task A_signed_in_upload_streams_progress_then_the_result_with_the_rejected_rows_id_and_name()
    {
        var (session, _) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using var __ = session;
        var area = "Ns" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"id,name,phone,area\n{area}-1,Ann,{TestCustomers.Phone(1_700_001)},{area}\n{area}-2,Bob Bad,nope,{area}\n{area}-3,Cy,{TestCustomers.Phone(1_700_003)},{area}\n";

        using var request = new HttpRequestMessage(HttpMethod.Post, "/ui/customers/import") { Content = Upload(csv) };
        request.Headers.Add("RequestVerificationToken", await session.FormTokenAsync("/customers"));
        var response = await session.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var events = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["writing", "writing", "done"], events.Select(e => e.GetProperty("phase").GetString()));
        Assert.Equal((0, 2), (events[0].GetProperty("written").GetInt32(), events[0].GetProperty("toWrite").GetInt32()));
        Assert.Equal((2, 2), (events[1].GetProperty("written").GetInt32(), events[1].GetProperty("toWrite").GetInt32()));
        var outcome = events[2].GetProperty("outcome");
        Assert.Equal(2, outcome.GetProperty("imported").GetInt32());
        var rejected = Assert.Single(outcome.GetProperty("rejected").EnumerateArray());
        Assert.Equal((3, $"{area}-2", "Bob Bad"), (rejected.GetProperty("line").GetInt32(), rejected.GetProperty("id").GetString(), rejected.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"/api/customers/{area}-3")).StatusCode);
    }

    [Fact]
    public async Task Without_the_token_or_a_file_nothing_is_imported_and_the_answer_is_a_problem()
    {
        var (session, _) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using var __ = session;
        var id = "Nt" + Guid.NewGuid().ToString("N")[..8];

        var forged = await session.Client.PostAsync("/ui/customers/import", Upload($"id,name,phone\n{id},Ann,{TestCustomers.Phone(1_700_010)}\n"));
        await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/customers/{id}")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/ui/customers/import") { Content = new MultipartFormDataContent { { new StringContent("x"), "note" } } };
        request.Headers.Add("RequestVerificationToken", await session.FormTokenAsync("/customers"));
        var empty = await ProblemAssert.IsProblemAsync(await session.Client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("file", empty.GetProperty("field").GetString());

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var refused = await anonymous.PostAsync("/ui/customers/import", Upload($"id,name,phone\n{id},Ann,{TestCustomers.Phone(1_700_010)}\n"));
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"answered {refused.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/customers/{id}")).StatusCode);
    }
}
