using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Campaign.Tests.Http;
using Campaign.Tests.Support;

namespace Campaign.Tests.Twilio;

public class TwilioWebhookTests
{
    [Fact]
    public async Task Forged_or_unsigned_webhooks_get_403_and_change_nothing()
    {
        await using var host = await TwilioHost.StartAsync();
        var answer = new TaskCompletionSource();
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.Talkative with { AnswerGate = answer.Task }], 720_000);
        var call = await CalleeCampaign.WaitForAsync(() => host.Twilio.Calls.Values.FirstOrDefault(c => c.Status == "ringing"));
        await CalleeCampaign.WaitUntilAsync(async () => await CalleeCampaign.CallStatusAsync(host.Client, call.CallId) == "ringing");

        var statusUrl = call.Field("StatusCallback");
        var completed = FakeCallee.Fields(call, "completed");
        var signedForAnotherUrl = TwilioSignature.Sign(FakeTwilio.AuthToken, statusUrl + "x", completed);
        var signedForOtherFields = TwilioSignature.Sign(FakeTwilio.AuthToken, statusUrl, FakeCallee.Fields(call, "ringing"));
        var signedWithAnotherToken = TwilioSignature.Sign("not-the-token", statusUrl, completed);
        foreach (var signature in new[] { "", "bm90IGEgc2lnbmF0dXJl", signedForAnotherUrl, signedForOtherFields, signedWithAnotherToken })
        {
            using var response = await host.Twilio.Callee.SendAsync(statusUrl, completed, signature);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        }

        using (var voice = await host.Twilio.Callee.SendAsync(call.Field("Url"), FakeCallee.Fields(call, "in-progress"), "bm90IGEgc2lnbmF0dXJl"))
        {
            await ProblemAssert.IsProblemAsync(voice, HttpStatusCode.Forbidden);
        }

        // The ConversationRelay WebSocket handshake is checked the same way, over the ws URL and no fields.
        var relay = $"ws{host.BaseUrl[4..]}/telephony/twilio/relay?callId={call.CallId}";
        using (var forged = new ClientWebSocket())
        {
            forged.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignature.Sign(FakeTwilio.AuthToken, relay.Replace("ws://", "http://"), []));
            await Assert.ThrowsAsync<WebSocketException>(() => forged.ConnectAsync(new Uri(relay), CancellationToken.None));
        }

        using (var signed = new ClientWebSocket())
        {
            signed.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignature.Sign(FakeTwilio.AuthToken, relay, []));
            await signed.ConnectAsync(new Uri(relay), CancellationToken.None);
            await signed.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        Assert.Equal("ringing", await CalleeCampaign.CallStatusAsync(host.Client, call.CallId));

        answer.SetResult();
        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(15));
        Assert.Equal(1, stats.GetProperty("results").GetProperty("answered").GetInt32());
        Assert.Empty(host.Twilio.Callee.Failures);
    }

    [Fact]
    public async Task Webhooks_for_ended_calls_hang_up_repeats_are_harmless_and_unknown_calls_are_not_found()
    {
        await using var host = await TwilioHost.StartAsync();
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.Talkative], 730_000);
        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(15));
        Assert.Equal(1, stats.GetProperty("finished").GetInt32());
        var call = host.Twilio.Calls.Values.Single();

        // Late and repeated reports of a finished call: the voice webhook hangs up, the rest changes nothing.
        var voice = await host.Twilio.Callee.SendAsync(call.Field("Url"), FakeCallee.Fields(call, "in-progress"));
        Assert.Equal(HttpStatusCode.OK, voice.StatusCode);
        Assert.Contains("<Hangup>", await voice.Content.ReadAsStringAsync());
        var busy = await host.Twilio.Callee.SendAsync(call.Field("StatusCallback"), FakeCallee.Fields(call, "busy"));
        Assert.Equal(HttpStatusCode.NoContent, busy.StatusCode);
        var record = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{call.CallId}");
        Assert.Equal("answered", record.GetProperty("result").GetString());

        // A call this system never placed is not found, whichever webhook names it.
        foreach (var path in new[] { "voice", "gather", "status", "amd" })
        {
            var unknown = $"{host.BaseUrl}/telephony/twilio/{path}?callId=call-that-never-was";
            var answer = await host.Twilio.Callee.SendAsync(unknown, FakeCallee.Fields(call, "in-progress"));
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        var forged = await host.Twilio.Callee.SendAsync($"{host.BaseUrl}/telephony/twilio/status?callId=call-that-never-was", FakeCallee.Fields(call, "completed"), signature: "forged");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        stats = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
        Assert.Equal(1, stats.GetProperty("finished").GetInt32());
    }

    [Fact]
    public async Task A_webhook_Twilio_delivers_twice_gets_the_same_answer_and_the_callee_is_heard_once()
    {
        await using var host = await TwilioHost.StartAsync();
        host.Twilio.Callee.DuplicateGathers = true;
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.Talkative, CalleeScript.Talkative], 735_000);
        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(20));

        Assert.Empty(host.Twilio.Callee.Failures);
        Assert.Equal(2, stats.GetProperty("results").GetProperty("answered").GetInt32());
        foreach (var call in host.Twilio.Calls.Values)
        {
            var record = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{call.CallId}");
            var lines = record.GetProperty("transcript").EnumerateArray().ToList();
            var heard = lines.Where(l => l.GetProperty("speaker").GetString() == "customer").Select(l => l.GetProperty("text").GetString()).ToList();
            Assert.Equal(["Yes, I have a minute.", "The power cuts at night worry me.", "Yes please, send it."], heard);
            Assert.Equal(1, lines.Count(l => l.GetProperty("speaker").GetString() == "agent" && l.GetProperty("text").GetString()!.Contains("didn't catch that", StringComparison.Ordinal)));
            Assert.Equal("moreInfo", record.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString());
        }
    }
}
