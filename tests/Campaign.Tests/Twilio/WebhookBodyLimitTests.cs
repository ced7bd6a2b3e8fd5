using Campaign.Telephony.Acs;
using Campaign.Tests.Acs;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Twilio;

/// <summary>Callbacks are bounded: nobody gets a provider endpoint to read megabytes, and nothing answers 500.</summary>
public class WebhookBodyLimitTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    [Fact]
    public async Task Oversized_Twilio_webhooks_are_refused_unread_and_change_nothing()
    {
        await using var host = await TwilioHost.StartAsync();
        var answer = new TaskCompletionSource();
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.Talkative with { AnswerGate = answer.Task }], 738_000);
        var call = await CalleeCampaign.WaitForAsync(() => host.Twilio.Calls.Values.FirstOrDefault(c => c.Status == "ringing"));
        await CalleeCampaign.WaitUntilAsync(async () => await CalleeCampaign.CallStatusAsync(host.Client, call.CallId) == "ringing");
        var statusUrl = call.Field("StatusCallback");

        // No signature: refused before the body is read.
        Refused(403, await PostAsync(statusUrl, Form, [], chunked: false));

        // A signature and a declared length over the limit: 413 without reading; streamed without a length: 413 at the limit.
        foreach (var chunked in new[] { false, true })
        {
            Refused(413, await PostAsync(statusUrl, Form, new() { ["X-Twilio-Signature"] = "bm90IGEgc2lnbmF0dXJl" }, chunked));
        }

        Assert.Equal("ringing", await CalleeCampaign.CallStatusAsync(host.Client, call.CallId));
        answer.SetResult();
        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(15));
        Assert.Equal(1, stats.GetProperty("results").GetProperty("answered").GetInt32());
        Assert.Empty(host.Twilio.Callee.Failures);
    }

    [Fact]
    public async Task Oversized_ACS_callbacks_are_refused_and_change_nothing()
    {
        await using var host = await AcsHost.StartAsync();
        var answer = new TaskCompletionSource();
        var id = await AcsCampaign.StartAsync(host, [CalleeScript.Talkative with { AnswerGate = answer.Task }], 762_000);
        var call = await CalleeCampaign.WaitForAsync(() => host.Acs.Calls.Values.FirstOrDefault());
        await CalleeCampaign.WaitUntilAsync(async () => await CalleeCampaign.CallStatusAsync(host.Client, call.CallId) == "dialing");
        var events = $"{host.BaseUrl}/telephony/acs/events";
        var urls = host.Services.GetRequiredService<AcsCallbackUrls>();

        // Without the call's token nothing is read, whatever the size.
        Refused(403, await PostAsync($"{events}?callId={call.CallId}&token=bm90LWEtdG9rZW4", Json, [], chunked: false));
        foreach (var chunked in new[] { false, true })
        {
            Refused(413, await PostAsync($"{events}?callId={call.CallId}&token={urls.Token(call.CallId)}", Json, [], chunked));
        }

        Assert.Equal("dialing", await CalleeCampaign.CallStatusAsync(host.Client, call.CallId));
        answer.SetResult();
        var stats = await AcsCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(15));
        Assert.Equal(1, stats.GetProperty("results").GetProperty("answered").GetInt32());
        Assert.Empty(host.Acs.Callee.Failures);
    }

    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    private static Task<RawHttpPost.Answer> PostAsync(string url, string contentType, Dictionary<string, string> headers, bool chunked)
    {
        var body = new byte[TenMegabytes];
        Array.Fill(body, (byte)'a');
        body[0] = (byte)'[';
        return RawHttpPost.SendAsync(new Uri(url), contentType, headers, body, chunked);
    }

    private static void Refused(int status, RawHttpPost.Answer answer)
    {
        Assert.Equal(status, answer.Status);
        Assert.Contains("\"status\":" + status, answer.Body, StringComparison.Ordinal);
    }
}
