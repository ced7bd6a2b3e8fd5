using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>Nothing acknowledged is lost when the process is killed with SIGKILL and started again.</summary>
public class KillRestartTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task Customers_segments_and_do_not_call_survive_kill_minus_nine()
    {
        const int Customers = 2000;
        var csv = new StringBuilder("id,name,phone,area,issue.category,consent.kind,consent.at\n");
        for (var i = 0; i < Customers; i++)
        {
            csv.Append($"K-{i:D5},Customer {i},{TestCustomers.Phone(i)},{(i % 2 == 0 ? "Riverside" : "Oakwood")},{(i % 3 == 0 ? "electricity" : "water")},express,2020-01-01\n");
        }

        string segmentId;
        await using (var first = await HostProcess.StartAsync(_file.Path, "--Demo:Seed", "false"))
        {
            var import = await first.Client.PostAsync("/api/customers/import", HostProcess.Csv(csv.ToString()));
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
            Assert.Equal(Customers, (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());

            var segment = await first.Client.PostAsync("/api/segments", new StringContent(
                """{ "name": "Riverside electricity", "criteria": { "all": [ { "area": ["Riverside"] }, { "issueCategory": "electricity" } ] } }""",
                Encoding.UTF8,
                "application/json"));
            Assert.Equal(HttpStatusCode.Created, segment.StatusCode);
            segmentId = (await segment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            var dnc = await first.Client.PostAsync("/api/dnc", new StringContent($$"""{ "phone": "{{TestCustomers.Phone(0)}}", "reason": "asked" }""", Encoding.UTF8, "application/json"));
            dnc.EnsureSuccessStatusCode();

            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(_file.Path, "--Demo:Seed", "false");
        var all = await second.Client.GetFromJsonAsync<JsonElement>("/api/customers?take=1");
        Assert.Equal(Customers, all.GetProperty("total").GetInt32());

        var saved = await second.Client.GetFromJsonAsync<JsonElement>($"/api/segments/{segmentId}");
        Assert.Equal("Riverside electricity", saved.GetProperty("name").GetString());
        var expected = Enumerable.Range(0, Customers).Count(i => i % 2 == 0 && i % 3 == 0) - 1; // K-00000 is on the do-not-call list
        Assert.Equal(expected, saved.GetProperty("count").GetInt32());

        var customer = await second.Client.GetFromJsonAsync<JsonElement>("/api/customers/K-00000");
        Assert.True(customer.GetProperty("doNotCall").GetBoolean());
    }

    [Fact]
    public async Task The_first_start_seeds_demo_data_once_and_a_restart_does_not_seed_again()
    {
        int customers;
        await using (var first = await HostProcess.StartAsync(_file.Path, "--Demo:Seed", "true"))
        {
            var segments = await WaitForAsync(first.Client, "/api/segments", s => s.GetArrayLength() > 0);
            Assert.True(segments.GetArrayLength() >= 3);
            customers = (await first.Client.GetFromJsonAsync<JsonElement>("/api/customers?take=1")).GetProperty("total").GetInt32();
            Assert.True(customers >= 200, $"only {customers} demo customers");
            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(_file.Path, "--Demo:Seed", "true");
        Assert.Equal(customers, (await second.Client.GetFromJsonAsync<JsonElement>("/api/customers?take=1")).GetProperty("total").GetInt32());
        var never = await second.Client.GetFromJsonAsync<JsonElement>("/api/customers?criteria=" + Uri.EscapeDataString("""{ "contact": "neverAnswered" }""") + "&take=1");
        Assert.InRange(never.GetProperty("total").GetInt32(), 1, customers - 1);
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string path, Func<JsonElement, bool> ready)
    {
        for (var i = 0; i < 100; i++)
        {
            var value = await client.GetFromJsonAsync<JsonElement>(path);
            if (ready(value))
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{path} never became ready");
    }

    public void Dispose() => _file.Dispose();
}
