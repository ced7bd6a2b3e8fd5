using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>The page of calls in flight: bounds checked, the total in a header, the body an array as before.</summary>
[Collection(InProcessHostCollection.Name)]
public class LiveCallsHttpTests(InProcessHost host)
{
    [Fact]
    public async Task Live_calls_page_with_a_total_and_refuse_a_page_out_of_bounds()
    {
        var area = "Live" + Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            id,name,phone,area,timeZone
            {area}-1,Ann,{TestCustomers.Phone(1_814_001)},{area},{TestZones.Afternoon}
            """;
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).EnsureSuccessStatusCode();
        var id = (await host.PostJsonAsync("/api/campaigns", $$"""{ "name": "Live {{area}}", "criteria": { "area": ["{{area}}"] } }"""))
            .GetProperty("id").GetString();

        using var page = await host.Client.GetAsync($"/api/campaigns/{id}/calls/live?skip=0&take=10");
        page.EnsureSuccessStatusCode();
        Assert.Equal(JsonValueKind.Array, (await page.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
        Assert.Equal("0", Assert.Single(page.Headers.GetValues("X-Total-Count")));

        var tooMany = await ProblemAssert.IsProblemAsync(await host.Client.GetAsync($"/api/campaigns/{id}/calls/live?take=1001"), HttpStatusCode.BadRequest);
        Assert.Equal("take", tooMany.GetProperty("field").GetString());
        var negative = await ProblemAssert.IsProblemAsync(await host.Client.GetAsync($"/api/campaigns/{id}/calls/live?skip=-1"), HttpStatusCode.BadRequest);
        Assert.Equal("skip", negative.GetProperty("field").GetString());
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync("/api/campaigns/cmp-missing-live/calls/live"), HttpStatusCode.NotFound);
    }
}
