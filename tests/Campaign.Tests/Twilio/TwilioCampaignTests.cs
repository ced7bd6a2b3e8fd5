using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Twilio;

public class TwilioCampaignTests
{
    private const string VoicemailMessage = "This is your service provider. Please call us back.";

    // Every call opens with the built-in script's AI disclosure (the campaigns here name no script).
    private const string Disclosure = "I'm an automated assistant calling on behalf of your service provider.";

    [Fact]
    public async Task A_campaign_of_50_at_10_calls_at_once_runs_through_Twilio_to_outcomes()
    {
        await using var host = await TwilioHost.StartAsync();
        host.Twilio.Callee.LateStatusCallbacks = true;
        foreach (var status in new[] { 429, 429, 503 })
        {
            host.Twilio.FailCreates.Enqueue(status);
        }

        CalleeScript ScriptFor(int i) => (i % 10) switch
        {
            0 => CalleeScript.Busy,
            1 => CalleeScript.NoAnswer,
            2 or 3 => CalleeScript.Machine,
            4 => CalleeScript.Silent,
            _ => CalleeScript.Talkative,
        };
        var id = await TwilioCampaign.StartAsync(host, [.. Enumerable.Range(0, 50).Select(ScriptFor)], 700_000,
            $$""", "voicemailPolicy": { "action": "leaveMessage", "message": "{{VoicemailMessage}}" }""", maxConcurrentCalls: 10);

        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(90));

        Assert.Empty(host.Twilio.Callee.Failures);
        Assert.Equal(0, host.Twilio.Unauthorized);
        Assert.Equal("completed", stats.GetProperty("status").GetString());
        Assert.Equal(50, stats.GetProperty("finished").GetInt32());

        // Never more calls at once than the quota, as the engine and as Twilio count them.
        Assert.InRange(stats.GetProperty("peakInFlight").GetInt32(), 2, 10);
        Assert.InRange(host.Twilio.PeakLiveCalls, 2, 10);

        // Rate-limited and failing creates were retried: every customer got exactly one call.
        Assert.Equal(50 + 3, host.Twilio.CreateRequests);
        var calls = host.Twilio.Calls.Values.ToList();
        Assert.Equal(50, calls.Count);
        Assert.Equal(50, calls.Select(c => c.To).Distinct().Count());

        // Duplicated and late status callbacks counted nothing twice.
        var results = stats.GetProperty("results");
        Assert.Equal(30, results.GetProperty("answered").GetInt32());
        Assert.Equal(10, results.GetProperty("voicemail").GetInt32());
        Assert.Equal(5, results.GetProperty("busy").GetInt32());
        Assert.Equal(5, results.GetProperty("noAnswer").GetInt32());
        Assert.All(calls, c =>
        {
            Assert.Equal("+12125550123", c.Field("From"));
            Assert.Equal(["initiated", "ringing", "answered", "completed"], c.Form["StatusCallbackEvent"]);
            Assert.Equal("DetectMessageEnd", c.Field("MachineDetection"));
            Assert.Equal($"{host.BaseUrl}/telephony/twilio/status?callId={c.CallId}", c.Field("StatusCallback"));
            Assert.True(int.Parse(c.Field("Timeout")) > 0);
            Assert.NotEqual("in-progress", c.Status);
        });

        // The machine got the campaign's message, then the line was hung up.
        var machines = calls.Where(c => c.Redirects.Count > 0).ToList();
        Assert.Equal(10, machines.Count);
        Assert.All(machines, c => Assert.Matches($"<Say[^>]*>{VoicemailMessage}</Say>\\s*<Hangup>", c.Redirects.Single()));

        // The talkative callees were heard, including through a silence, and asked for more information.
        var records = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(50, records.Count);
        Assert.Equal(50, records.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        var answered = records.Where(r => r.GetProperty("result").GetString() == "answered").ToList();
        Assert.Equal(25, answered.Count(r => r.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString() == "moreInfo"));
        var talkative = calls.First(c => c.Said.Any(s => s.Contains("didn't catch that", StringComparison.Ordinal)));
        Assert.Contains(talkative.Said, s => s.StartsWith(Disclosure, StringComparison.Ordinal) && s.Contains("Hello Customer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Gather")]
    [InlineData("ConversationRelay")]
    public async Task An_opt_out_said_over_the_goodbye_is_heard_before_Twilio_hangs_up(string mode)
    {
        await using var host = await TwilioHost.StartAsync(mode);
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.OptOutOverGoodbye, CalleeScript.Decliner], 710_000, maxConcurrentCalls: 2);

        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(60));

        Assert.Empty(host.Twilio.Callee.Failures);
        Assert.Equal(2, stats.GetProperty("results").GetProperty("answered").GetInt32());
        var records = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls")).GetProperty("items").EnumerateArray().ToList();
        var followUps = records.Select(r => r.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString()).Order().ToList();
        Assert.Equal(["leaveAlone", "none"], followUps);

        // Both goodbyes kept the line open for last words; only the one who spoke was heard again.
        var calls = host.Twilio.Calls.Values.ToList();
        Assert.All(calls, c => Assert.Contains(c.Said, s => s.Contains("Goodbye", StringComparison.Ordinal)));
        var optedOut = calls.Single(c => c.Said.Any(s => s.Contains("must not call you again", StringComparison.Ordinal)));
        Assert.Equal(4, optedOut.Said.Count);
    }

    [Fact]
    public async Task ConversationRelay_mode_streams_replies_and_stops_when_the_callee_interrupts()
    {
        await using var host = await TwilioHost.StartAsync("ConversationRelay");
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.Talkative, CalleeScript.Interrupter, CalleeScript.Busy], 710_000);

        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(30));

        Assert.Empty(host.Twilio.Callee.Failures);
        Assert.Equal("completed", stats.GetProperty("status").GetString());
        Assert.Equal(2, stats.GetProperty("results").GetProperty("answered").GetInt32());
        var records = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=50")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, records.Count(r => r.ValueKind == JsonValueKind.Object
            && r.GetProperty("outcome").ValueKind == JsonValueKind.Object
            && r.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString() == "moreInfo"));

        var talkative = host.Twilio.Calls.Values.Single(c => c.To == TestCustomers.Phone(710_000));
        Assert.StartsWith(Disclosure, talkative.Said[0]);
        Assert.Contains("Hello Customer", talkative.Said[0]);
        Assert.Contains(talkative.Said, s => s.Contains("send you more information", StringComparison.Ordinal));

        // The model's replies arrive as a stream of tokens, not as one finished text.
        var modelReplies = talkative.Said.Select((text, i) => (text, tokens: talkative.TokensPerReply[i])).Where(r => r.text.Contains("send you more information", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(modelReplies);
        Assert.All(modelReplies, r => Assert.True(r.tokens > 5, $"'{r.text}' came in {r.tokens} token(s)"));

        // The interrupted reply stopped at what the callee heard; the conversation went on from there.
        var interrupter = host.Twilio.Calls.Values.Single(c => c.To == TestCustomers.Phone(710_001));
        var heard = interrupter.Said[1];
        var call = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{interrupter.CallId}");
        var agentLines = call.GetProperty("transcript").EnumerateArray()
            .Where(l => l.GetProperty("speaker").GetString() == "agent").Select(l => l.GetProperty("text").GetString()!).ToList();
        Assert.Equal($"{heard} [interrupted]", agentLines[1]);
        Assert.Contains(agentLines.Skip(2), l => l.Contains("send you more information", StringComparison.Ordinal));
    }
}
