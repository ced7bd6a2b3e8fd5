using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Http;

[Collection(InProcessHostCollection.Name)]
public class ScriptHttpTests(InProcessHost host)
{
    private const string Script = """
        { "name": "Outage follow-up",
          "persona": { "agentName": "Alex", "company": "City Power" },
          "goal": "Check the outage is fixed",
          "opening": "Hello {{customer.firstName}}, this is {{persona.agentName}}. You reported: {{customer.latestIssue.text}}.",
          "talkingPoints": [ "Crews worked in {{customer.area}}." ],
          "faq": [ { "question": "Will I get a credit?", "answer": "Yes, for outages over a day." } ],
          "objections": [ { "objection": "I'm busy.", "response": "I can call back." } ],
          "closing": "Thank you, {{customer.firstName}}.",
          "captureQuestions": [ "Is the power back?" ],
          "disclosure": "I'm an automated assistant calling on behalf of {{persona.company}}." }
        """;

    private static Task<JsonElement> BodyAsync(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<JsonElement> CreateAsync(string json = Script)
    {
        var response = await host.Client.PostAsync("/api/scripts", InProcessHost.Json(json));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        Assert.Equal($"/api/scripts/{body.GetProperty("id").GetString()}", response.Headers.Location?.ToString());
        return body;
    }

    [Fact]
    public async Task Scripts_are_created_read_updated_and_keep_their_versions()
    {
        var created = await CreateAsync();
        var id = created.GetProperty("id").GetString();
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal(20, created.GetProperty("maxTurns").GetInt32());
        Assert.Equal(600, created.GetProperty("maxSeconds").GetInt32());
        Assert.Equal("en-US", created.GetProperty("language").GetString());
        Assert.Equal("City Power", created.GetProperty("persona").GetProperty("company").GetString());
        Assert.Equal("I can call back.", created.GetProperty("objections")[0].GetProperty("response").GetString());

        var changed = Script.Replace("\"Outage follow-up\"", "\"Outage follow-up (short)\"").Replace("\"name\"", "\"maxTurns\": 10, \"name\"");
        var updated = await host.Client.PutAsync($"/api/scripts/{id}", InProcessHost.Json(changed));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var v2 = await BodyAsync(updated);
        Assert.Equal((2, 10), (v2.GetProperty("version").GetInt32(), v2.GetProperty("maxTurns").GetInt32()));

        var latest = await host.Client.GetFromJsonAsync<JsonElement>($"/api/scripts/{id}");
        Assert.Equal(("Outage follow-up (short)", 2), (latest.GetProperty("name").GetString(), latest.GetProperty("version").GetInt32()));
        var first = await host.Client.GetFromJsonAsync<JsonElement>($"/api/scripts/{id}?version=1");
        Assert.Equal(("Outage follow-up", 1, 20), (first.GetProperty("name").GetString(), first.GetProperty("version").GetInt32(), first.GetProperty("maxTurns").GetInt32()));

        var versions = await host.Client.GetFromJsonAsync<JsonElement>($"/api/scripts/{id}/versions");
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("Outage follow-up", versions[0].GetProperty("name").GetString());

        var list = await host.Client.GetFromJsonAsync<JsonElement>("/api/scripts");
        var listed = list.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
        Assert.Equal(("Outage follow-up (short)", 2), (listed.GetProperty("name").GetString(), listed.GetProperty("latestVersion").GetInt32()));
    }

    [Fact]
    public async Task A_script_read_with_get_can_be_sent_back_and_a_stale_version_is_refused()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString();
        var v1 = await host.Client.GetStringAsync($"/api/scripts/{id}");

        var v2 = await host.Client.PutAsync($"/api/scripts/{id}", InProcessHost.Json(v1));
        Assert.Equal(2, (await BodyAsync(v2)).GetProperty("version").GetInt32());

        var stale = await host.Client.PutAsync($"/api/scripts/{id}", InProcessHost.Json(v1));
        var problem = await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Contains("is at version 2", problem.GetProperty("detail").GetString());

        var otherId = await host.Client.PutAsync($"/api/scripts/{id}", InProcessHost.Json(v1.Replace($"\"{id}\"", "\"someone-else\"")));
        Assert.Equal("id", (await ProblemAssert.IsProblemAsync(otherId, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_client_may_choose_the_id_once()
    {
        var id = "outage-" + Guid.NewGuid().ToString("N")[..8];
        var withId = Script.Replace("\"name\"", $"\"id\": \"{id}\", \"name\"");

        Assert.Equal(id, (await CreateAsync(withId)).GetProperty("id").GetString());
        await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/scripts", InProcessHost.Json(withId)), HttpStatusCode.Conflict);
        var badId = await host.Client.PostAsync("/api/scripts", InProcessHost.Json(Script.Replace("\"name\"", "\"id\": \"a/b\", \"name\"")));
        Assert.Equal("id", (await ProblemAssert.IsProblemAsync(badId, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Invalid_scripts_get_a_problem_naming_the_first_field_and_listing_every_error()
    {
        var broken = Script
            .Replace("\"company\": \"City Power\"", "\"company\": \"\"")
            .Replace("{{customer.firstName}}, this", "{{customer.nmae}}, this")
            .Replace("\"disclosure\": \"I'm an automated assistant calling on behalf of {{persona.company}}.\"", "\"disclosure\": null");

        var before = (await host.Client.GetFromJsonAsync<JsonElement>("/api/scripts")).GetArrayLength();

        var problem = await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/scripts", InProcessHost.Json(broken)), HttpStatusCode.BadRequest);

        Assert.Equal("persona.company", problem.GetProperty("field").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("message").GetString())).ToList();
        Assert.Equal(["persona.company", "opening", "disclosure"], errors.Select(e => e.Item1));
        Assert.StartsWith("unknown variable {{customer.nmae}}", errors[1].Item2);
        Assert.Equal(before, (await host.Client.GetFromJsonAsync<JsonElement>("/api/scripts")).GetArrayLength());
    }

    [Theory]
    [InlineData("Hi {{customer.nmae}}, details: example.com", "unknown variable {{customer.nmae}}")]
    [InlineData(null, "is longer than 640 characters")]
    public async Task An_information_text_with_an_unknown_variable_or_over_640_characters_is_refused_naming_infoText(string? infoText, string message)
    {
        var json = Script.Replace("\"name\": \"Outage follow-up\"", $"\"name\": \"Outage follow-up\", \"infoText\": {JsonSerializer.Serialize(infoText ?? new string('x', 641))}");

        var problem = await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/scripts", InProcessHost.Json(json)), HttpStatusCode.BadRequest);

        Assert.Equal("infoText", problem.GetProperty("field").GetString());
        Assert.StartsWith(message, Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_information_text_is_saved_and_read_back()
    {
        var infoText = "Hi {{customer.firstName}}, the outage details from {{persona.company}}: example.com/outages";
        var created = await CreateAsync(Script.Replace("\"name\": \"Outage follow-up\"", $"\"name\": \"Outage follow-up\", \"infoText\": \"{infoText}\""));

        Assert.Equal(infoText, created.GetProperty("infoText").GetString());
        Assert.Equal(JsonValueKind.Null, (await CreateAsync()).GetProperty("infoText").ValueKind);
    }

    [Theory]
    [InlineData("""{ "name": "x", "maxTurn": 5 }""", "maxTurn")]
    [InlineData("""{ "name": "x", "persona": { "agent": "Alex" } }""", "persona.agent")]
    [InlineData("""{ "name": "x", "maxTurns": "many" }""", "maxTurns")]
    [InlineData("""{ "name": "x", "talkingPoints": "one" }""", "talkingPoints")]
    [InlineData("""{ "name": "x", "maxTurns": 0 }""", "persona.agentName")]
    [InlineData("""{ "name": "x", """, "body")]
    public async Task Bodies_that_are_not_a_script_are_refused_with_the_field(string json, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(await host.Client.PostAsync("/api/scripts", InProcessHost.Json(json)), HttpStatusCode.BadRequest);

        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        var response = await host.Client.PostAsync("/api/scripts", InProcessHost.Csv("name\nOutage"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_invalid_update_leaves_the_script_as_it_was()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString();

        var problem = await ProblemAssert.IsProblemAsync(
            await host.Client.PutAsync($"/api/scripts/{id}", InProcessHost.Json(Script.Replace("\"closing\": \"Thank you, {{customer.firstName}}.\"", "\"closing\": \"Bye {{customer.name\"").Replace("\"name\"", "\"maxSeconds\": 5, \"name\""))),
            HttpStatusCode.BadRequest);

        Assert.Equal("closing", problem.GetProperty("field").GetString());
        Assert.Equal(["closing", "maxSeconds"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(1, (await host.Client.GetFromJsonAsync<JsonElement>($"/api/scripts/{id}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Unknown_scripts_and_versions_are_not_found()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString();

        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync("/api/scripts/no-such-script"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync("/api/scripts/no-such-script/versions"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await host.Client.PutAsync("/api/scripts/no-such-script", InProcessHost.Json(Script)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync("/api/scripts/no-such-script/preview", InProcessHost.Json("""{ "customerId": "C-1" }""")),
            HttpStatusCode.NotFound);
        var missingVersion = await ProblemAssert.IsProblemAsync(await host.Client.GetAsync($"/api/scripts/{id}?version=7"), HttpStatusCode.NotFound);
        Assert.Contains("the latest is 1", missingVersion.GetProperty("detail").GetString());
        var badVersion = await ProblemAssert.IsProblemAsync(await host.Client.GetAsync($"/api/scripts/{id}?version=first"), HttpStatusCode.BadRequest);
        Assert.Equal("version", badVersion.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Preview_renders_for_a_customer_and_warns_about_blank_variables()
    {
        var prefix = "Prev" + Guid.NewGuid().ToString("N")[..6];
        var import = await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv($"""
            id,name,phone,area,issue.category,issue.reportedAt,issue.text
            {prefix}-1,Ana Silva,+12125550161,Riverside,electricity,2026-10-02T09:30:00Z,power cuts at night
            {prefix}-2,Ben Okafor,+12125550162,,,,
            """));
        import.EnsureSuccessStatusCode();
        var id = (await CreateAsync()).GetProperty("id").GetString();

        var full = await BodyAsync(await host.Client.PostAsync($"/api/scripts/{id}/preview", InProcessHost.Json($$"""{ "customerId": "{{prefix}}-1" }""")));
        Assert.Equal("Hello Ana, this is Alex. You reported: power cuts at night.", full.GetProperty("opening").GetString());
        Assert.Equal("I'm an automated assistant calling on behalf of City Power.", full.GetProperty("disclosure").GetString());
        Assert.Equal("Thank you, Ana.", full.GetProperty("closing").GetString());
        Assert.Equal((1, 0), (full.GetProperty("version").GetInt32(), full.GetProperty("warnings").GetArrayLength()));

        var sparse = await BodyAsync(await host.Client.PostAsync($"/api/scripts/{id}/preview", InProcessHost.Json($$"""{ "customerId": "{{prefix}}-2" }""")));
        Assert.Equal("Hello Ben, this is Alex. You reported:.", sparse.GetProperty("opening").GetString());
        var warnings = sparse.GetProperty("warnings").EnumerateArray().Select(w => (w.GetProperty("field").GetString(), w.GetProperty("variable").GetString())).ToList();
        Assert.Equal([("opening", "{{customer.latestIssue.text}}"), ("talkingPoints[0]", "{{customer.area}}")], warnings);
        Assert.Contains("has reported no issues", sparse.GetProperty("warnings")[0].GetProperty("message").GetString());

        var unknown = await ProblemAssert.IsProblemAsync(
            await host.Client.PostAsync($"/api/scripts/{id}/preview", InProcessHost.Json("""{ "customerId": "nobody" }""")),
            HttpStatusCode.BadRequest);
        Assert.Equal("customerId", unknown.GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_script_endpoints()
    {
        var paths = (await host.Anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/scripts", out _));
        Assert.True(paths.TryGetProperty("/api/scripts/{id}/preview", out _));
    }

    [Fact]
    public async Task Scripts_need_the_api_key()
    {
        await ProblemAssert.IsProblemAsync(await host.Anonymous.GetAsync("/api/scripts"), HttpStatusCode.Unauthorized);
    }
}
