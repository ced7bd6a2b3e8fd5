using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Http;

/// <summary>A script's transfer to a person (<c>transfer: { number, hours, whisper }</c>): saved, read back, and checked field by field.</summary>
[Collection(InProcessHostCollection.Name)]
public class ScriptTransferHttpTests(InProcessHost host)
{
    private static string Script(string transfer) => $$$"""
        { "name": "Outage follow-up",
          "persona": { "agentName": "Alex", "company": "City Power" },
          "goal": "Check the outage is fixed",
          "opening": "Hello {{customer.firstName}}, is everything working again?",
          "closing": "Thank you.",
          "disclosure": "I'm an automated assistant calling on behalf of {{persona.company}}.",
          "transfer": {{{transfer}}} }
        """;

    [Fact]
    public async Task A_transfer_is_saved_with_its_hours_and_whisper_on_by_default()
    {
        var response = await host.Client.PostAsync("/api/scripts", InProcessHost.Json(Script(
            """{ "number": "+12125550142", "hours": { "days": ["monday", "Friday"], "from": "09:00", "to": "17:30", "timeZone": "America/New_York" } }""")));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var transfer = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/scripts/{id}")).GetProperty("transfer");
        Assert.Equal("+12125550142", transfer.GetProperty("number").GetString());
        Assert.True(transfer.GetProperty("whisper").GetBoolean());
        var hours = transfer.GetProperty("hours");
        Assert.Equal(["monday", "Friday"], hours.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(("09:00", "17:30", "America/New_York"), (hours.GetProperty("from").GetString(), hours.GetProperty("to").GetString(), hours.GetProperty("timeZone").GetString()));
    }

    [Theory]
    [InlineData("""{ "number": "212-555-0142" }""", "transfer.number")]
    [InlineData("""{ "number": "" }""", "transfer.number")]
    [InlineData("""{ "number": "+12125550142", "hours": { "days": ["someday"], "from": "09:00", "to": "17:00", "timeZone": "UTC" } }""", "transfer.hours.days[0]")]
    [InlineData("""{ "number": "+12125550142", "hours": { "days": ["monday"], "from": "17:00", "to": "09:00", "timeZone": "UTC" } }""", "transfer.hours.to")]
    [InlineData("""{ "number": "+12125550142", "hours": { "days": ["monday"], "from": "9am", "to": "17:00", "timeZone": "UTC" } }""", "transfer.hours.from")]
    [InlineData("""{ "number": "+12125550142", "hours": { "days": ["monday"], "from": "09:00", "to": "17:00", "timeZone": "Mars/Olympus" } }""", "transfer.hours.timeZone")]
    public async Task A_bad_transfer_is_refused_naming_the_field(string transfer, string field)
    {
        var response = await host.Client.PostAsync("/api/scripts", InProcessHost.Json(Script(transfer)));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_transfer_field_is_refused()
    {
        var response = await host.Client.PostAsync("/api/scripts", InProcessHost.Json(Script("""{ "number": "+12125550142", "wisper": true }""")));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
