using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Http;

/// <summary>A campaign's <c>experiment</c>, as the API takes it, shows it, and refuses it when it is wrong.</summary>
[Collection(InProcessHostCollection.Name)]
public class CampaignExperimentHttpTests(InProcessHost host)
{
    [Fact]
    public async Task A_campaign_tries_two_scripts_on_one_audience_and_its_stats_show_each_variant()
    {
        var (plain, warm) = (await host.CreateScriptAsync("Plain opener"), await host.CreateScriptAsync("Warm opener"));
        var area = "Exp" + Guid.NewGuid().ToString("N")[..8];

        var created = await host.PostJsonAsync("/api/campaigns", $$"""
            { "name": "Openers", "criteria": { "area": ["{{area}}"] },
              "experiment": { "variants": [ { "scriptId": "{{plain}}", "name": "Plain" }, { "scriptId": "{{warm}}" } ], "metric": "moreInfo" } }
            """);

        var experiment = created.GetProperty("experiment");
        Assert.Equal("moreInfo", experiment.GetProperty("metric").GetString());
        Assert.True(experiment.GetProperty("autoPromote").GetBoolean());
        Assert.Equal([("Plain", plain), (warm, warm)], experiment.GetProperty("variants").EnumerateArray()
            .Select(v => (v.GetProperty("name").GetString(), v.GetProperty("scriptId").GetString())).ToList());

        var stats = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{created.GetProperty("id").GetString()}/stats");
        var variants = stats.GetProperty("experiment").GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal([plain, warm], variants.Select(v => v.GetProperty("scriptId").GetString()));
        Assert.All(variants, v =>
        {
            Assert.Equal(0, v.GetProperty("calls").GetInt32());
            Assert.Equal(JsonValueKind.Null, v.GetProperty("rate").GetProperty("value").ValueKind);
            Assert.False(v.GetProperty("stopped").GetBoolean());
        });
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("experiment").GetProperty("winner").ValueKind);
    }

    [Fact]
    public async Task A_campaign_without_an_experiment_has_none_in_its_stats()
    {
        var created = await host.PostJsonAsync("/api/campaigns", """{ "name": "No experiment", "criteria": { "area": ["Nowhere"] } }""");

        var stats = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{created.GetProperty("id").GetString()}/stats");

        Assert.Equal(JsonValueKind.Null, stats.GetProperty("experiment").ValueKind);
    }

    [Theory]
    [InlineData("""{ "variants": [ { "scriptId": "S1" } ] }""", "experiment.variants")]
    [InlineData("""{ "variants": [ { "scriptId": "S1" }, { "scriptId": "S2" }, { "scriptId": "S3" }, { "scriptId": "S4" }, { "scriptId": "S5" } ] }""", "experiment.variants")]
    [InlineData("""{ "variants": [ { "scriptId": "S1" }, { "scriptId": "S1" } ] }""", "experiment.variants[1].scriptId")]
    [InlineData("""{ "variants": [ { "scriptId": "S1" }, { "name": "No script" } ] }""", "experiment.variants[1].scriptId")]
    [InlineData("""{ "variants": [ { "scriptId": "S1" }, { "scriptId": "S2" } ], "metric": "revenue" }""", "experiment.metric")]
    public async Task An_experiment_that_is_wrong_is_refused_naming_the_field(string experiment, string field)
    {
        var response = await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""{ "name": "Bad", "criteria": { "area": ["X"] }, "experiment": {{experiment}} }"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_experiment_names_scripts_that_exist_and_runs_on_one_audience()
    {
        var known = await host.CreateScriptAsync("Known opener");

        var missing = await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""
            { "name": "Bad", "criteria": { "area": ["X"] }, "experiment": { "variants": [ { "scriptId": "{{known}}" }, { "scriptId": "no-such-script" } ] } }
            """));
        var perSegment = await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""
            { "name": "Bad", "variants": [ { "segmentId": "seg-1", "scriptId": "{{known}}" } ], "experiment": { "variants": [ { "scriptId": "{{known}}" }, { "scriptId": "S2" } ] } }
            """));
        var withScript = await host.Client.PostAsync("/api/campaigns", InProcessHost.Json($$"""
            { "name": "Bad", "criteria": { "area": ["X"] }, "scriptId": "{{known}}", "experiment": { "variants": [ { "scriptId": "{{known}}" }, { "scriptId": "S2" } ] } }
            """));

        Assert.Equal("experiment.variants[1].scriptId", (await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("experiment", (await ProblemAssert.IsProblemAsync(perSegment, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("scriptId", (await ProblemAssert.IsProblemAsync(withScript, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
    }
}
