using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Campaign.Tests.Twilio;

namespace Campaign.Tests.Telephony;

/// <summary>The simulator's virtual customers ask for a person and its virtual colleagues answer or not, so the demo shows transfers.</summary>
public sealed class SimulatedTransferTests : IAsyncLifetime
{
    private readonly InProcessHost _host = new(["--Telephony:Simulator:PersonShare", "1", "--Telephony:Simulator:TransferAnswerRate", "0.5"]);

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Virtual_customers_who_ask_for_a_person_are_transferred_and_each_transfer_has_a_result()
    {
        var scriptId = await TwilioTransferTests.CreateScriptAsync(_host.Client);
        // Whether a virtual customer picks up depends on their routine and the hour: enough of them that some do.
        var callees = Enumerable.Repeat(CalleeScript.Talkative, 40).ToList();
        var id = await CalleeCampaign.StartAsync(_host.Client, _ => { }, "Sim", callees, 730_000, maxConcurrentCalls: 20, $$""", "scriptId": "{{scriptId}}" """);

        var stats = await CalleeCampaign.WaitForCompletionAsync(_host.Client, id, TimeSpan.FromSeconds(90));
        Assert.Equal("completed", stats.GetProperty("status").GetString());

        var calls = (await _host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=100")).GetProperty("items").EnumerateArray().ToList();
        var transferred = calls.Where(c => c.GetProperty("transfer").ValueKind == JsonValueKind.Object).ToList();
        Assert.True(transferred.Count > 0, string.Join("; ", calls.Select(c => $"{c.GetProperty("result")}: {string.Join(" | ", c.GetProperty("transcript").EnumerateArray().Select(l => l.GetProperty("text").GetString()))}")));
        Assert.All(transferred, c =>
        {
            var transfer = c.GetProperty("transfer");
            Assert.Equal(TwilioTransferTests.TransferNumber, transfer.GetProperty("number").GetString());
            Assert.Contains(transfer.GetProperty("result").GetString(), new[] { "connected", "busy", "noAnswer" });
            Assert.Contains(c.GetProperty("transcript").EnumerateArray(), l => l.GetProperty("text").GetString() == "Can I speak to a real person, please?");
        });
        Assert.All(transferred.Select(c => c.GetProperty("transfer")).Where(t => t.GetProperty("result").GetString() == "connected"), t =>
        {
            Assert.True(t.GetProperty("endedAt").GetDateTimeOffset() > t.GetProperty("connectedAt").GetDateTimeOffset());
            Assert.StartsWith(TwilioTransferTests.TransferNumber + " (desk ", t.GetProperty("takenBy").GetString());
        });
    }
}
