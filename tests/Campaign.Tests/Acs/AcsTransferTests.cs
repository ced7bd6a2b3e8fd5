using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Twilio;

namespace Campaign.Tests.Acs;

/// <summary>
/// A customer who asks for a person is put through with Call Automation's <c>:transferToParticipant</c> after the
/// hand-over line is played; the result comes from <c>CallTransferAccepted</c> or <c>CallTransferFailed</c>.
/// </summary>
public class AcsTransferTests
{
    [Fact]
    public async Task A_request_for_a_person_is_transferred_over_REST_and_a_failed_transfer_ends_with_a_callback()
    {
        await using var host = await AcsHost.StartAsync();
        var scriptId = await TwilioTransferTests.CreateScriptAsync(host.Client);
        var id = await AcsCampaign.StartAsync(host, [CalleeScript.WantsPerson(), CalleeScript.WantsPerson("no-answer")], 750_000,
            extra: $$""", "scriptId": "{{scriptId}}" """);

        var stats = await AcsCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(50));
        Assert.Empty(host.Acs.Callee.Failures);
        Assert.Equal("completed", stats.GetProperty("status").GetString());

        var calls = host.Acs.Calls.Values.ToList();
        Assert.All(calls, c =>
        {
            // The hand-over line is played first; the transfer names the script's number and carries its own context.
            var kinds = c.Requested.Select(a => a.Kind).ToList();
            var transfer = c.Requested.Single(a => a.Kind == "transferToParticipant");
            Assert.Equal("play", kinds[kinds.IndexOf("transferToParticipant") - 1]);
            Assert.Equal(TwilioTransferTests.TransferNumber, transfer.Body.GetProperty("targetParticipant").GetProperty("phoneNumber").GetProperty("value").GetString());
            Assert.Equal("phoneNumber", transfer.Body.GetProperty("targetParticipant").GetProperty("kind").GetString());
            Assert.Contains("|Transfer|", transfer.Context);
            Assert.Contains(c.Said, s => s.Contains("put you through to a colleague", StringComparison.Ordinal));
        });

        var records = await AcsCampaign.CallsAsync(host, id);
        var byResult = records.ToDictionary(r => r.GetProperty("transfer").GetProperty("result").GetString()!);
        var connected = byResult["connected"].GetProperty("transfer");
        Assert.Equal((TwilioTransferTests.TransferNumber, TwilioTransferTests.TransferNumber), (connected.GetProperty("number").GetString(), connected.GetProperty("takenBy").GetString()));
        Assert.Equal("answered", byResult["connected"].GetProperty("result").GetString());

        // No answer from the person's line: the agent apologised, hung up, and a colleague will call back.
        var missed = calls.Single(c => c.Requested.Any(a => a.Kind == "terminate"));
        Assert.Contains(missed.Said, s => s.Contains("none of my colleagues could take your call", StringComparison.Ordinal));
        Assert.Equal("callback", byResult["noAnswer"].GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString());
        Assert.Equal(0, (await host.Client.GetFromJsonAsync<JsonElement>("/api/system")).GetProperty("trunk").GetProperty("inUse").GetInt32());
    }
}
