using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Telephony.Acs;
using Campaign.Tests.Http;
using Campaign.Tests.Support;
using Campaign.Tests.Twilio;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Acs;

public class AcsCallbackTests
{
    [Fact]
    public async Task Forged_callbacks_get_401_or_403_and_change_nothing()
    {
        await using var host = await AcsHost.StartAsync(jwt: true);
        var answer = new TaskCompletionSource();
        var id = await AcsCampaign.StartAsync(host, [CalleeScript.Talkative with { AnswerGate = answer.Task }], 760_000);
        var call = await CalleeCampaign.WaitForAsync(() => host.Acs.Calls.Values.FirstOrDefault());
        await CalleeCampaign.WaitUntilAsync(async () => await CalleeCampaign.CallStatusAsync(host.Client, call.CallId) == "dialing");
        var urls = host.Services.GetRequiredService<AcsCallbackUrls>();

        var connected = new[] { FakeAcsCallee.Event(call, "CallConnected", call.CreateContext, 200, 0) };
        var disconnected = new[] { FakeAcsCallee.Event(call, "CallDisconnected", call.CreateContext, 200, 0) };
        var events = $"{host.BaseUrl}/telephony/acs/events";
        var otherKey = FakeAcs.NewKey("someone-else");
        var refusals = new (string Url, string? Bearer, HttpStatusCode Status)[]
        {
            ($"{events}?callId={call.CallId}", null, HttpStatusCode.Unauthorized),
            ($"{events}?token={urls.Token(call.CallId)}", null, HttpStatusCode.Unauthorized),
            ($"{events}?callId={call.CallId}&token=bm90LWEtdG9rZW4", null, HttpStatusCode.Forbidden),
            ($"{events}?callId={call.CallId}&token={urls.Token("another-call")}", null, HttpStatusCode.Forbidden),
            (call.CallbackUri, "", HttpStatusCode.Unauthorized),
            (call.CallbackUri, "not.a.jwt", HttpStatusCode.Unauthorized),
            (call.CallbackUri, host.Acs.IssueToken(key: otherKey), HttpStatusCode.Unauthorized),
            (call.CallbackUri, host.Acs.IssueToken(audience: "another-resource"), HttpStatusCode.Unauthorized),
            (call.CallbackUri, host.Acs.IssueToken(issuer: "https://attacker.example.com"), HttpStatusCode.Unauthorized),
            (call.CallbackUri, host.Acs.IssueToken(lifetime: TimeSpan.FromMinutes(-10)), HttpStatusCode.Unauthorized),
        };
        foreach (var (url, bearer, status) in refusals)
        {
            foreach (var body in new object[] { connected, disconnected })
            {
                using var response = await host.Acs.Callee.PostAsync(url, body, bearer);
                await ProblemAssert.IsProblemAsync(response, status);
            }
        }

        Assert.Equal("dialing", await CalleeCampaign.CallStatusAsync(host.Client, call.CallId));
        Assert.Empty(call.Requested);

        // A well-authenticated body that is not CloudEvents is refused naming the body.
        using (var malformed = await host.Acs.Callee.PostAsync(call.CallbackUri, new { hello = "world" }))
        {
            await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest);
        }

        answer.SetResult();
        var stats = await AcsCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(15));
        Assert.Equal(1, stats.GetProperty("results").GetProperty("answered").GetInt32());
        Assert.Empty(host.Acs.Callee.Failures);
    }

    [Fact]
    public async Task Events_repeated_after_the_end_or_naming_another_call_change_nothing()
    {
        await using var host = await AcsHost.StartAsync();
        var id = await AcsCampaign.StartAsync(host, [CalleeScript.Talkative, CalleeScript.Talkative], 770_000);
        var stats = await AcsCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(20));
        Assert.Equal(2, stats.GetProperty("finished").GetInt32());
        var calls = host.Acs.Calls.Values.ToList();
        var before = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{calls[0].CallId}");

        // The whole call replayed late, in reverse order, plus a busy report: the ended call hangs up at most.
        var turn = AcsOperationContext.Dial(calls[0].CallId, calls[0].To).Next(AcsStep.Turn).Format();
        var replay = new[]
        {
            FakeAcsCallee.Event(calls[0], "CallDisconnected", calls[0].CreateContext, 200, 0),
            FakeAcsCallee.Event(calls[0], "RecognizeCompleted", turn, 200, 8533, new { recognitionType = "speech", speechResult = new { speech = "I want to stop" } }),
            FakeAcsCallee.Event(calls[0], "CallConnected", calls[0].CreateContext, 200, 0),
            FakeAcsCallee.Event(calls[0], "CreateCallFailed", calls[0].CreateContext, 486, 0),
        };
        using (var response = await host.Acs.Callee.PostAsync(calls[0].CallbackUri, replay))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // An event whose context names the other call, posted with this call's token, is dropped.
        var foreign = FakeAcsCallee.Event(calls[1], "CallDisconnected", calls[1].CreateContext, 200, 0);
        using (var response = await host.Acs.Callee.PostAsync(calls[0].CallbackUri, new[] { foreign }))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{calls[0].CallId}");
        Assert.Equal(before.GetProperty("result").GetString(), after.GetProperty("result").GetString());
        Assert.Equal("answered", after.GetProperty("result").GetString());
        Assert.Equal(before.GetProperty("transcript").GetArrayLength(), after.GetProperty("transcript").GetArrayLength());
        Assert.False(after.GetProperty("outcome").GetProperty("optedOut").GetBoolean());
        stats = await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/stats");
        Assert.Equal(2, stats.GetProperty("results").GetProperty("answered").GetInt32());
        Assert.Equal(0, stats.GetProperty("results").GetProperty("busy").GetInt32());
    }

    [Fact]
    public async Task An_answer_without_this_hosts_context_is_hung_up_rather_than_left_silent()
    {
        await using var host = await AcsHost.StartAsync();
        var never = new TaskCompletionSource();
        await AcsCampaign.StartAsync(host, [CalleeScript.Talkative with { AnswerGate = never.Task }], 780_000);
        var call = await CalleeCampaign.WaitForAsync(() => host.Acs.Calls.Values.FirstOrDefault());

        using var response = await host.Acs.Callee.PostAsync(call.CallbackUri, new[] { FakeAcsCallee.Event(call, "CallConnected", null, 200, 0) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["terminate"], call.Requested.Select(a => a.Kind));
        Assert.Equal("disconnected", call.State);
    }
}
