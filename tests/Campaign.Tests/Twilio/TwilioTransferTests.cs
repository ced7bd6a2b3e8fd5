using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Campaign.Telephony.Twilio;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Twilio;

/// <summary>
/// A customer who asks for a person is put through with <c>&lt;Dial&gt;</c>: the person hears a whisper of the call
/// first, the result comes back on the Dial's action, and the call (and its trunk slot) lasts until the person's leg ends.
/// </summary>
public class TwilioTransferTests
{
    public const string TransferNumber = "+12125550142";

    public static async Task<string> CreateScriptAsync(HttpClient client, string hours = "")
    {
        var script = await CalleeCampaign.PostAsync(client, "/api/scripts", $$$"""
            { "name": "Outage follow-up with transfer",
              "persona": { "agentName": "Alex", "company": "City Power" },
              "goal": "Check the outage is fixed",
              "opening": "Hello {{customer.firstName}}, is everything working again since the outage?",
              "closing": "Thank you, goodbye.",
              "disclosure": "I'm an automated assistant calling on behalf of {{persona.company}}.",
              "transfer": { "number": "{{{TransferNumber}}}" {{{hours}}} } }
            """);
        return script.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_request_for_a_person_is_dialled_with_a_whisper_and_the_call_lasts_until_the_person_hangs_up()
    {
        await using var host = await TwilioHost.StartAsync();
        var scriptId = await CreateScriptAsync(host.Client);
        var personTalking = new TaskCompletionSource();
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.WantsPerson(gate: personTalking.Task), CalleeScript.WantsPerson("busy")], 710_000,
            $$""", "scriptId": "{{scriptId}}" """);

        // While the person talks to the customer, the call is live and holds its trunk slot.
        var connected = await WaitForAsync(host, () => host.Twilio.Calls.Values.FirstOrDefault(c => c.Whispers.Count > 0));
        var live = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{connected.CallId}");
        Assert.Equal("inProgress", live.GetProperty("status").GetString());
        Assert.Equal("connected", live.GetProperty("transfer").GetProperty("result").GetString());
        var system = await host.Client.GetFromJsonAsync<JsonElement>("/api/system");
        Assert.True(system.GetProperty("trunk").GetProperty("inUse").GetInt32() >= 1);
        personTalking.SetResult();

        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(60));
        Assert.Empty(host.Twilio.Callee.Failures);
        Assert.Equal("completed", stats.GetProperty("status").GetString());

        // The customer heard the hand-over line; the TwiML dialled the script's number with our action and whisper URLs.
        Assert.Contains(connected.Said, s => s.Contains("put you through to a colleague", StringComparison.Ordinal));
        var dial = XElement.Parse(connected.Dials.Single());
        Assert.Equal($"{host.BaseUrl}/telephony/twilio/transfer?callId={connected.CallId}", dial.Attribute("action")!.Value);
        var number = dial.Element("Number")!;
        Assert.Equal(TransferNumber, number.Value.Trim());
        Assert.Equal($"{host.BaseUrl}/telephony/twilio/whisper?callId={connected.CallId}", number.Attribute("url")!.Value);

        // The person heard who is calling and what the call learnt before being connected.
        var whisper = XDocument.Parse(connected.Whispers.Single()).Descendants("Say").Single().Value;
        Assert.StartsWith("Transfer from the City Power assistant. Customer: Customer 0.", whisper);

        var record = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{connected.CallId}");
        Assert.Equal("answered", record.GetProperty("result").GetString());
        var transfer = record.GetProperty("transfer");
        Assert.Equal((TransferNumber, "connected", TransferNumber), (transfer.GetProperty("number").GetString(), transfer.GetProperty("result").GetString(), transfer.GetProperty("takenBy").GetString()));
        Assert.True(transfer.GetProperty("at").GetDateTimeOffset() <= transfer.GetProperty("connectedAt").GetDateTimeOffset());
        Assert.True(transfer.GetProperty("endedAt").GetDateTimeOffset() >= transfer.GetProperty("connectedAt").GetDateTimeOffset());
        Assert.Equal(0, (await host.Client.GetFromJsonAsync<JsonElement>("/api/system")).GetProperty("trunk").GetProperty("inUse").GetInt32());

        // A busy line: the agent apologised, hung up, and a colleague's callback is the follow-up.
        var busy = host.Twilio.Calls.Values.Single(c => c.CallId != connected.CallId);
        Assert.Empty(busy.Whispers);
        Assert.Contains(busy.Said, s => s.Contains("none of my colleagues could take your call", StringComparison.Ordinal));
        var busyRecord = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{busy.CallId}");
        Assert.Equal("busy", busyRecord.GetProperty("transfer").GetProperty("result").GetString());
        Assert.Equal("callback", busyRecord.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Outside_the_hours_the_customer_is_offered_a_callback_and_nothing_is_dialled()
    {
        await using var host = await TwilioHost.StartAsync();
        var tomorrow = DateTime.UtcNow.AddDays(1).DayOfWeek.ToString().ToLowerInvariant();
        var scriptId = await CreateScriptAsync(host.Client, $$""", "hours": { "days": ["{{tomorrow}}"], "from": "09:00", "to": "17:00", "timeZone": "UTC" }""");
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.WantsPerson()], 720_000, $$""", "scriptId": "{{scriptId}}" """);

        await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(60));
        Assert.Empty(host.Twilio.Callee.Failures);
        var call = host.Twilio.Calls.Values.Single();
        Assert.Empty(call.Dials);
        Assert.Contains(call.Said, s => s.Contains("colleagues aren't available right now", StringComparison.Ordinal));

        var record = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{call.CallId}");
        Assert.Equal(JsonValueKind.Null, record.GetProperty("transfer").ValueKind);
        var followUp = record.GetProperty("outcome").GetProperty("followUp");
        Assert.Equal("callback", followUp.GetProperty("kind").GetString());
        var at = followUp.GetProperty("at").GetDateTimeOffset();
        Assert.Equal((DateTime.UtcNow.AddDays(1).Date, TimeSpan.FromHours(9)), (at.UtcDateTime.Date, at.UtcDateTime.TimeOfDay));
    }

    [Fact]
    public async Task Over_ConversationRelay_the_session_ends_with_a_handoff_and_the_connect_action_dials_the_person()
    {
        await using var host = await TwilioHost.StartAsync("ConversationRelay");
        var scriptId = await CreateScriptAsync(host.Client);
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.WantsPerson()], 730_000, $$""", "scriptId": "{{scriptId}}" """);

        await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(60));
        Assert.Empty(host.Twilio.Callee.Failures);
        var call = host.Twilio.Calls.Values.Single();
        Assert.Contains(call.Said, s => s.Contains("put you through to a colleague", StringComparison.Ordinal));
        var dial = XElement.Parse(call.Dials.Single());
        Assert.Equal($"{host.BaseUrl}/telephony/twilio/transfer?callId={call.CallId}", dial.Attribute("action")!.Value);
        Assert.Equal(TransferNumber, dial.Element("Number")!.Value.Trim());
        Assert.StartsWith("Transfer from the City Power assistant.", XDocument.Parse(call.Whispers.Single()).Descendants("Say").Single().Value);

        var transfer = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{call.CallId}")).GetProperty("transfer");
        Assert.Equal("connected", transfer.GetProperty("result").GetString());
    }

    [Fact]
    public void Only_handoff_data_that_asks_for_the_transfer_dials_the_person()
    {
        Assert.True(RelayHandoff.IsTransfer(RelayHandoff.Transfer));
        Assert.False(RelayHandoff.IsTransfer("""{"reason":"done"}"""));
        Assert.False(RelayHandoff.IsTransfer("""["transfer"]"""));
        Assert.False(RelayHandoff.IsTransfer("transfer"));
        Assert.False(RelayHandoff.IsTransfer(null));
    }

    [Fact]
    public async Task The_transfer_and_whisper_webhooks_need_a_valid_signature()
    {
        await using var host = await TwilioHost.StartAsync();
        foreach (var path in new[] { "transfer", "whisper", "relay-ended" })
        {
            var url = $"{host.BaseUrl}/telephony/twilio/{path}?callId=nobody";
            using var response = await host.Twilio.Callee.SendAsync(url, [new("DialCallStatus", "completed")], signature: "forged");
            await ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.Forbidden);
        }
    }

    private static async Task<FakeCall> WaitForAsync(TwilioHost host, Func<FakeCall?> find)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "no transfer was connected: " + string.Join("; ", host.Twilio.Callee.Failures));
            await Task.Delay(50);
        }
    }
}
