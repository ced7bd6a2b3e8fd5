using Campaign.Tests.Support;

namespace Campaign.Tests.Twilio;

public class GracefulShutdownTests
{
    [Fact]
    public async Task A_stopping_host_dials_no_more_and_lets_the_live_call_finish_within_the_grace()
    {
        await using var host = await TwilioHost.StartAsync("Gather", ["--Hosting:ShutdownGraceSeconds", "30"], null);
        // A repeated status callback after the call ended would find the host gone (Twilio's retry reaches another silo).
        host.Twilio.Callee.DuplicateStatusCallbacks = false;
        var answer = new TaskCompletionSource();
        await TwilioCampaign.StartAsync(host, [CalleeScript.Talkative with { AnswerGate = answer.Task }, CalleeScript.Talkative], 790_000, maxConcurrentCalls: 1);
        var call = await CalleeCampaign.WaitForAsync(() => host.Twilio.Calls.Values.FirstOrDefault(c => c.Status == "ringing"));

        var stopping = host.StopHostAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(stopping.IsCompleted, "the host stopped with a call still live");

        // The callee answers now: the conversation runs through the webhooks of the stopping host, to its end.
        answer.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(host.Twilio.Callee.Failures);
        Assert.Equal("completed", call.Status);
        Assert.Contains(call.Said, s => s.Contains("Hello Customer", StringComparison.Ordinal));
        // The second customer was never dialled: the first call's end found the gate closed.
        Assert.Single(host.Twilio.Calls);
        Assert.Equal(1, host.Twilio.CreateRequests);
    }

    [Fact]
    public async Task Without_a_grace_the_host_stops_at_once_with_a_call_live()
    {
        await using var host = await TwilioHost.StartAsync();
        var answer = new TaskCompletionSource();
        await TwilioCampaign.StartAsync(host, [CalleeScript.Talkative with { AnswerGate = answer.Task }], 791_000, maxConcurrentCalls: 1);
        await CalleeCampaign.WaitForAsync(() => host.Twilio.Calls.Values.FirstOrDefault(c => c.Status == "ringing"));

        await host.StopHostAsync().WaitAsync(TimeSpan.FromSeconds(20));
        answer.SetResult();
    }
}
