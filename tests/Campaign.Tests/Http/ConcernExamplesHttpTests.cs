using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Http;

/// <summary>The campaign statistics show each top concern with things callers actually said about it.</summary>
[Collection(InProcessHostCollection.Name)]
public class ConcernExamplesHttpTests(InProcessHost host)
{
    [Fact]
    public async Task Top_concerns_carry_what_callers_said()
    {
        var area = "Quote" + Guid.NewGuid().ToString("N")[..8];
        var reported = DateTimeOffset.UtcNow.AddDays(-5).ToString("O");
        var csv = new StringBuilder("id,name,phone,area,timeZone,issue.category,issue.reportedAt,issue.text,consent.kind,consent.at\n");
        for (var i = 0; i < 60; i++)
        {
            csv.Append($"{area}-{i:D2},Customer {i},{TestCustomers.Phone(1_818_000 + i)},{area},{TestZones.Afternoon},electricity,{reported},flickering lights,express,2020-01-01\n");
        }

        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv.ToString()))).EnsureSuccessStatusCode();
        var campaign = await CalleeCampaign.PostAsync(host.Client, "/api/campaigns", $$"""
            { "name": "Quotes {{area}}", "criteria": { "area": ["{{area}}"] }, "maxConcurrentCalls": 10, "retryPolicy": { "maxAttempts": 1 } }
            """);
        var id = campaign.GetProperty("id").GetString()!;
        await CalleeCampaign.PostAsync(host.Client, $"/api/campaigns/{id}/start", "{}");

        var stats = await CalleeCampaign.WaitForCompletionAsync(host.Client, id, TimeSpan.FromMinutes(2));

        Assert.Equal("completed", stats.GetProperty("status").GetString());
        var top = stats.GetProperty("topConcerns").EnumerateArray().ToList();
        var lights = Assert.Single(top, c => c.GetProperty("concern").GetString() == "flickering lights");
        Assert.True(lights.GetProperty("count").GetInt32() > 0);
        var examples = lights.GetProperty("examples").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["I'm worried about flickering lights."], examples);
        Assert.All(top, c => Assert.InRange(c.GetProperty("examples").GetArrayLength(), 0, 3));
    }
}
