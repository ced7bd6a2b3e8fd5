using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Http;

[Collection(InProcessHostCollection.Name)]
public class DoNotCallHistoryHttpTests(InProcessHost host)
{
    [Fact]
    public async Task Every_change_to_the_list_is_in_the_history_with_its_time_and_source()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        (await host.Client.PostAsync("/api/dnc", InProcessHost.Json("""{ "phone": "+1 646 555 0170", "reason": "asked by phone" }"""))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.DeleteAsync("/api/dnc/+16465550170")).StatusCode);

        var history = await host.Client.GetFromJsonAsync<JsonElement>("/api/dnc/history?phone=646-555-0170");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal("removed", history[0].GetProperty("action").GetString());
        Assert.Equal("added", history[1].GetProperty("action").GetString());
        Assert.Equal("asked by phone", history[1].GetProperty("reason").GetString());
        Assert.All(history.EnumerateArray(), change =>
        {
            Assert.Equal("+16465550170", change.GetProperty("phone").GetString());
            Assert.Equal("api", change.GetProperty("source").GetString());
            Assert.True(change.GetProperty("at").GetDateTimeOffset() >= before.AddSeconds(-1));
        });

        var all = await host.Client.GetFromJsonAsync<JsonElement>("/api/dnc/history?take=1000");
        Assert.Contains(all.EnumerateArray(), c => c.GetProperty("phone").GetString() == "+16465550170");
    }

    [Fact]
    public async Task A_history_asked_for_a_number_that_is_not_one_is_refused_naming_the_field()
    {
        var response = await host.Client.GetAsync("/api/dnc/history?phone=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("phone", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_list_over_the_size_limit_is_refused_with_413_and_adds_nobody()
    {
        var countBefore = (await host.Client.GetFromJsonAsync<JsonElement>("/api/dnc?take=1000")).GetArrayLength();
        var body = new System.Text.StringBuilder();
        for (var i = 0; body.Length <= 17 * 1024 * 1024; i++)
        {
            body.Append("+1646555").Append((i % 10_000).ToString("D4")).Append('\n');
        }

        var bytes = System.Text.Encoding.ASCII.GetBytes(body.ToString());
        foreach (var chunked in new[] { false, true })
        {
            var answer = await Support.RawHttpPost.SendAsync(new Uri(host.BaseAddress, "/api/dnc"), "text/csv", new Dictionary<string, string> { ["X-Api-Key"] = InProcessHost.ApiKey }, bytes, chunked);
            Assert.Equal(413, answer.Status);
            Assert.Contains("do-not-call list is at most 16 MB", answer.Body);
        }

        Assert.Equal(countBefore, (await host.Client.GetFromJsonAsync<JsonElement>("/api/dnc?take=1000")).GetArrayLength());
    }
}
