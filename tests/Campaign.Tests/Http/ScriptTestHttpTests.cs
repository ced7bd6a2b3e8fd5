using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Http;

/// <summary><c>POST /api/scripts/{id}/test</c>: a test call on a saved script, nothing dialled or stored.</summary>
[Collection(InProcessHostCollection.Name)]
public class ScriptTestHttpTests(InProcessHost host)
{
    private const string Script = """
        { "name": "Outage test call",
          "persona": { "agentName": "Alex", "company": "City Power" },
          "goal": "Check the outage is fixed",
          "opening": "Hello {{customer.firstName}}, this is {{persona.agentName}} from {{persona.company}}.",
          "talkingPoints": [ "Crews worked in {{customer.area}}." ],
          "closing": "Thank you, {{customer.firstName}}.",
          "disclosure": "I'm an automated assistant calling on behalf of {{persona.company}}." }
        """;

    private async Task<string> CreateAsync()
    {
        var response = await host.Client.PostAsync("/api/scripts", InProcessHost.Json(Script));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_test_call_follows_the_script_and_returns_the_outcome_a_call_would_record_without_storing_a_call()
    {
        var id = await CreateAsync();
        var customer = "Test" + Guid.NewGuid().ToString("N")[..8];
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv($"id,name,phone,area\n{customer},Maria Lopez,+12125550177,Oakwood\n"))).EnsureSuccessStatusCode();

        var response = await host.Client.PostAsync($"/api/scripts/{id}/test", InProcessHost.Json($$"""
            { "customerId": "{{customer}}", "lines": ["Yes, tell me more.", "The power keeps going out at night.", "Please send me more information.", "No, that's all, goodbye."] }
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var turns = result.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal("agent", turns[0].GetProperty("speaker").GetString());
        Assert.Contains("automated assistant calling on behalf of City Power", turns[0].GetProperty("text").GetString());
        Assert.Contains("Hello Maria, this is Alex from City Power", turns[0].GetProperty("text").GetString());
        Assert.Contains(turns, t => t.GetProperty("speaker").GetString() == "customer" && t.GetProperty("text").GetString() == "The power keeps going out at night.");
        var outcome = result.GetProperty("outcome");
        Assert.Equal("moreInfo", outcome.GetProperty("followUp").GetProperty("kind").GetString());
        Assert.False(outcome.GetProperty("optedOut").GetBoolean());
        Assert.Equal((1, customer), (result.GetProperty("version").GetInt32(), result.GetProperty("customerId").GetString()));
        var profile = await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}");
        Assert.Empty(profile.GetProperty("contactHistory").EnumerateArray());
        Assert.Equal(0, (await host.Client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/decisions")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_opt_out_in_a_test_call_is_recorded_in_the_outcome_but_lists_nobody()
    {
        var id = await CreateAsync();

        var result = await (await host.Client.PostAsync($"/api/scripts/{id}/test", InProcessHost.Json("""{ "lines": ["Take me off your list."] }""")))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(result.GetProperty("outcome").GetProperty("optedOut").GetBoolean());
        Assert.True(result.GetProperty("ended").GetBoolean());
        var dnc = await host.Client.GetFromJsonAsync<JsonElement>("/api/dnc/history?phone=%2B12125550100");
        Assert.Equal(0, dnc.GetArrayLength());
    }

    [Fact]
    public async Task Bad_test_requests_are_refused_naming_the_field()
    {
        var id = await CreateAsync();

        await Refused($"/api/scripts/{id}/test", """{ "lines": [] }""", HttpStatusCode.BadRequest, "lines");
        await Refused($"/api/scripts/{id}/test", """{ "lines": ["ok", null] }""", HttpStatusCode.BadRequest, "lines[1]");
        await Refused($"/api/scripts/{id}/test", $$"""{ "lines": ["{{new string('a', 2001)}}"] }""", HttpStatusCode.BadRequest, "lines[0]");
        await Refused($"/api/scripts/{id}/test", """{ "customerId": "nobody-here", "lines": ["hi"] }""", HttpStatusCode.BadRequest, "customerId");
        await Refused($"/api/scripts/{id}/test", """{ "lines": "hello" }""", HttpStatusCode.BadRequest, "lines");
        await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/scripts/no-such-script/test", InProcessHost.Json("""{ "lines": ["hi"] }""")), HttpStatusCode.NotFound);
    }

    private async Task Refused(string path, string json, HttpStatusCode status, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(await host.Client.PostAsync(path, InProcessHost.Json(json)), status);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }
}
