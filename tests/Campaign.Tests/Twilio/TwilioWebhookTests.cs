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

    [Fact]
    public async Task Over_ConversationRelay_a_caller_who_talks_over_a_reply_leaves_a_transcript_of_what_was_sent()
    {
        await using var host = await TwilioHost.StartAsync("ConversationRelay");
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.TalkerOver, CalleeScript.TalkerOver, CalleeScript.TalkerOver], 736_000);
        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(30));

        Assert.Empty(host.Twilio.Callee.Failures);
        Assert.Equal(3, stats.GetProperty("results").GetProperty("answered").GetInt32());
        foreach (var call in host.Twilio.Calls.Values)
        {
            var record = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{call.CallId}");
            var lines = record.GetProperty("transcript").EnumerateArray().ToList();
            var written = string.Concat(lines.Where(l => l.GetProperty("speaker").GetString() == "agent").Select(l => l.GetProperty("text").GetString()));
            string[] said;
            lock (call.Said)
            {
                said = [.. call.Said];
            }

            // Everything the agent's lines say was sent to the caller, and nothing more.
            Assert.Equal(Words(string.Concat(said)), Words(written.Replace("[interrupted]", "", StringComparison.Ordinal)));
            Assert.Equal(["Yes, I have a minute.", "The power cuts at night worry me.", "Yes please, send it."],
                lines.Where(l => l.GetProperty("speaker").GetString() == "customer").Select(l => l.GetProperty("text").GetString()));
        }

        static string Words(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }

    [Fact]
    public async Task A_relay_socket_drives_only_the_call_its_URL_was_signed_for_and_refuses_malformed_messages()
    {
        await using var host = await TwilioHost.StartAsync("ConversationRelay");
        var answer = new TaskCompletionSource();
        await TwilioCampaign.StartAsync(host, [CalleeScript.Talkative with { AnswerGate = answer.Task }, CalleeScript.Talkative with { AnswerGate = answer.Task }], 737_000);
        var calls = await CalleeCampaign.WaitForAsync(() => host.Twilio.Calls.Values.Count(c => c.Status == "ringing") == 2 ? host.Twilio.Calls.Values.ToList() : null);
        var (signed, other) = (calls[0], calls[1]);

        var relay = $"ws{host.BaseUrl[4..]}/telephony/twilio/relay?callId={signed.CallId}";
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Twilio-Signature", TwilioSignature.Sign(FakeTwilio.AuthToken, relay, []));
        await socket.ConnectAsync(new Uri(relay), CancellationToken.None);
        foreach (var junk in new[] { "not json", "[1,2]", """{"type":7}""", """{"type":"prompt","voicePrompt":42,"last":true}""", """{"type":"prompt","voicePrompt":"hi","last":"yes"}""" })
        {
            await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(junk), WebSocketMessageType.Text, true, CancellationToken.None);
        }

        // A setup naming the other call still drives the call the URL names.
        var setup = JsonSerializer.Serialize(new { type = "setup", callSid = signed.Sid, customParameters = new { callId = other.CallId } });
        await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(setup), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[16 * 1024];
        var first = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(WebSocketMessageType.Text, first.MessageType);
        await CalleeCampaign.WaitUntilAsync(async () => await CalleeCampaign.CallStatusAsync(host.Client, signed.CallId) == "inProgress");
        Assert.Equal("ringing", await CalleeCampaign.CallStatusAsync(host.Client, other.CallId));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        answer.SetResult();
    }
}
