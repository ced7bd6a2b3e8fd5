using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Http;

/// <summary>A campaign's <c>timing</c> (<c>asap</c> or <c>learned</c>) and <c>maxHold</c>, as the API takes and shows them.</summary>
[Collection(InProcessHostCollection.Name)]
public class CampaignTimingHttpTests(InProcessHost host)
{
    [Fact]
    public async Task A_campaign_times_its_calls_asap_unless_it_asks_to_learn_and_says_how_long_it_may_hold()
    {
        var area = "Tim" + Guid.NewGuid().ToString("N")[..8];
        var plain = await host.PostJsonAsync("/api/campaigns", $$"""{ "name": "Plain", "criteria": { "area": ["{{area}}"] } }""");
        var learned = await host.PostJsonAsync("/api/campaigns", $$"""{ "name": "Learned", "criteria": { "area": ["{{area}}"] }, "timing": "learned", "maxHold": "PT6H" }""");

        Assert.Equal(("asap", "P1D"), (plain.GetProperty("timing").GetString(), plain.GetProperty("maxHold").GetString()));
        Assert.Equal(("learned", "PT6H"), (learned.GetProperty("timing").GetString(), learned.GetProperty("maxHold").GetString()));
        var read = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{learned.GetProperty("id").GetString()}");
        Assert.Equal("learned", read.GetProperty("timing").GetString());

        // Only a learned campaign's stats say how its expected answer rate compares with the actual one.
        var learnedStats = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{learned.GetProperty("id").GetString()}/stats");
        var plainStats = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{plain.GetProperty("id").GetString()}/stats");
        Assert.Equal(0, learnedStats.GetProperty("learnedTiming").GetProperty("calls").GetInt32());
        Assert.Equal(JsonValueKind.Null, learnedStats.GetProperty("learnedTiming").GetProperty("answerRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, plainStats.GetProperty("learnedTiming").ValueKind);
    }

    [Theory]
    [InlineData("\"timing\": \"whenever\"", "timing")]
    [InlineData("\"timing\": \"learned\", \"maxHold\": \"P8D\"", "maxHold")]
    [InlineData("\"timing\": \"learned\", \"maxHold\": \"-PT1H\"", "maxHold")]
    [InlineData("\"timing\": \"learned\", \"maxHold\": \"six hours\"", "maxHold")]
    public async Task A_timing_or_hold_out_of_range_is_refused_naming_the_field(string fields, string field)
    {
        var response = await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Bad", "criteria": { "area": ["X"] }, {{fields}} }"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }
}
