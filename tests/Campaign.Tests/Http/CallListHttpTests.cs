using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Abstractions.Customers;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

[Collection(InProcessHostCollection.Name)]
public class CallListHttpTests(InProcessHost host)
{
    private async Task<(string Campaign, string Tag, string[] Phones)> SeedAsync()
    {
        var tag = "Cl" + Guid.NewGuid().ToString("N")[..8];
        var phones = Enumerable.Range(0, 3).Select(i => TestCustomers.Phone(6_500_000 + (Random.Shared.Next(0, 40_000) * 3) + i)).ToArray();
        var csv = "id,name,phone,area,timeZone\n"
            + $"{tag}-ana,Ana {tag},{phones[0]},{tag},America/Chicago\n"
            + $"{tag}-ben,Ben {tag},{phones[1]},{tag},America/Chicago\n"
            + $"{tag}-cy,Cy {tag},{phones[2]},{tag},America/Chicago\n";
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).EnsureSuccessStatusCode();
        var created = await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Calls {{tag}}", "criteria": { "area": ["{{tag}}"] } }"""));
        created.EnsureSuccessStatusCode();
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var calls = new List<Abstractions.Calls.CallRecord>
        {
            SeededCalls.Call(campaign, $"{tag}-ana", 1, CallResult.Answered, Interest.Interested, FollowUpKind.Callback, "price"),
            SeededCalls.Call(campaign, $"{tag}-ben", 2, CallResult.NoAnswer),
            SeededCalls.Call(campaign, $"{tag}-ben", 3, CallResult.Answered, Interest.NotInterested, FollowUpKind.LeaveAlone),
            SeededCalls.Call(campaign, $"{tag}-cy", 4, CallResult.Answered, Interest.Interested, FollowUpKind.MoreInfo),
        };
        calls.AddRange(Enumerable.Range(10, 60).Select(m => SeededCalls.Call(campaign, $"{tag}-cy", m, CallResult.Busy)));
        await SeededCalls.SaveAsync(host.Services, calls);
        return (campaign, tag, phones);
    }

    private async Task<(int Total, string[] Customers)> ListAsync(string campaign, string query)
    {
        var page = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/calls{query}");
        return (page.GetProperty("total").GetInt32(), page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("customerId").GetString()!).ToArray());
    }

    [Fact]
    public async Task Calls_filter_by_result_interest_follow_up_and_a_customers_name_phone_or_id_with_a_total()
    {
        var (campaign, tag, phones) = await SeedAsync();

        var all = await ListAsync(campaign, "");
        Assert.Equal(64, all.Total);
        Assert.Equal(50, all.Customers.Length);

        Assert.Equal(3, (await ListAsync(campaign, "?result=answered")).Total);
        Assert.Equal(60, (await ListAsync(campaign, "?result=BUSY")).Total);
        Assert.Equal((1, $"{tag}-ana"), Flatten(await ListAsync(campaign, "?interest=interested&followUp=callback")));
        Assert.Equal((1, $"{tag}-ben"), Flatten(await ListAsync(campaign, "?followUp=leaveAlone")));
        Assert.Equal((2, $"{tag}-ben"), Flatten(await ListAsync(campaign, $"?q={Uri.EscapeDataString("ben " + tag.ToLowerInvariant())}")));
        Assert.Equal(2, (await ListAsync(campaign, $"?q={tag}-ben")).Total);
        var digits = phones[1][^7..];
        Assert.Equal((1, $"{tag}-ben"), Flatten(await ListAsync(campaign, $"?q={digits[..3]}%20{digits[3..]}&result=noAnswer")));
        Assert.Equal(0, (await ListAsync(campaign, "?q=nobody-by-this-name")).Total);
    }

    [Fact]
    public async Task Filtered_calls_page_with_skip_and_take_and_unknown_values_are_refused_by_field()
    {
        var (campaign, tag, _) = await SeedAsync();

        var second = await ListAsync(campaign, $"?q=Cy%20{tag}&skip=50&take=50");
        Assert.Equal(61, second.Total);
        Assert.Equal(11, second.Customers.Length);

        foreach (var (query, field) in new[] { ("?result=maybe", "result"), ("?interest=2", "interest"), ("?followUp=soon", "followUp") })
        {
            var problem = await ProblemAssert.IsProblemAsync(await host.Client.GetAsync($"/api/campaigns/{campaign}/calls{query}"), HttpStatusCode.BadRequest);
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task The_dashboards_live_refresh_of_recent_calls_names_the_customers_and_needs_a_sign_in()
    {
        var (campaign, tag, _) = await SeedAsync();
        var anonymous = await host.Anonymous.GetAsync($"/ui/campaigns/{campaign}/recent-calls");
        Assert.DoesNotContain($"Cy {tag}", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(anonymous.IsSuccessStatusCode && anonymous.Content.Headers.ContentType?.MediaType == "application/json", "the names need a sign-in");

        var (session, _) = await AdminSession.SignInAsync(host.BaseAddress, InProcessHost.AdminUser, InProcessHost.AdminPassword);
        using (session)
        {
            var recent = await session.Client.GetFromJsonAsync<JsonElement>($"/ui/campaigns/{campaign}/recent-calls");
            Assert.Equal(64, recent.GetProperty("total").GetInt32());
            var items = recent.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(10, items.Count);
            Assert.All(items, c => Assert.Equal($"Cy {tag}", c.GetProperty("name").GetString()));
        }
    }

    private static (int, string) Flatten((int Total, string[] Customers) page) => (page.Total, string.Join(" ", page.Customers.Distinct()));
}
