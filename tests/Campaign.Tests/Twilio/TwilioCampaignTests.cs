using System.Net.Http.Json;
using System.Text.Json;

namespace Campaign.Tests.Twilio;

public class TwilioCampaignTests
{
    private const string VoicemailMessage = "This is your service provider. Please call us back.";

    // Every call opens with the built-in script's AI disclosure (the campaigns here name no script).
    private const string Disclosure = "I'm an automated assistant calling on behalf of your service provider.";

    [Fact]
    public async Task A_campaign_of_20_at_5_calls_at_once_runs_through_Twilio_to_outcomes()
    {
        await using var host = await TwilioHost.StartAsync();
        CalleeScript ScriptFor(int i) => (i % 10) switch
        {
            0 => CalleeScript.Busy,
            1 => CalleeScript.NoAnswer,
            2 or 3 => CalleeScript.Machine,
            4 => CalleeScript.Silent,
            _ => CalleeScript.Talkative,
        };
        var id = await TwilioCampaign.StartAsync(host, [.. Enumerable.Range(0, 20).Select(ScriptFor)], 700_000,
            $$""", "voicemailPolicy": { "action": "leaveMessage", "message": "{{VoicemailMessage}}" }""");

        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(30));

        Assert.Empty(host.Twilio.Callee.Failures);
        Assert.Equal(0, host.Twilio.Unauthorized);
        Assert.Equal("completed", stats.GetProperty("status").GetString());
        Assert.Equal(20, stats.GetProperty("finished").GetInt32());
        Assert.InRange(stats.GetProperty("peakInFlight").GetInt32(), 1, 5);
        var results = stats.GetProperty("results");
        Assert.Equal(12, results.GetProperty("answered").GetInt32());
        Assert.Equal(4, results.GetProperty("voicemail").GetInt32());
        Assert.Equal(2, results.GetProperty("busy").GetInt32());
        Assert.Equal(2, results.GetProperty("noAnswer").GetInt32());

        var calls = host.Twilio.Calls.Values.ToList();
        Assert.Equal(20, calls.Count);
        Assert.All(calls, c =>
        {
            Assert.Equal("+12125550123", c.Field("From"));
            Assert.Equal(["initiated", "ringing", "answered", "completed"], c.Form["StatusCallbackEvent"]);
            Assert.Equal("DetectMessageEnd", c.Field("MachineDetection"));
            Assert.Equal($"{host.BaseUrl}/telephony/twilio/status?callId={c.CallId}", c.Field("StatusCallback"));
            Assert.True(int.Parse(c.Field("Timeout")) > 0);
        });

        // The machine got the campaign's message, then the line was hung up.
        var machines = calls.Where(c => c.Redirects.Count > 0).ToList();
        Assert.Equal(4, machines.Count);
        Assert.All(machines, c => Assert.Matches($"<Say[^>]*>{VoicemailMessage}</Say>\\s*<Hangup>", c.Redirects.Single()));

        // The talkative callees were heard, including through a silence, and asked for more information.
        var records = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=50")).GetProperty("items").EnumerateArray().ToList();
        var answered = records.Where(r => r.GetProperty("result").GetString() == "answered").ToList();
        Assert.Equal(10, answered.Count(r => r.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString() == "moreInfo"));
        var talkative = calls.First(c => c.Said.Any(s => s.Contains("didn't catch that", StringComparison.Ordinal)));
        Assert.Contains(talkative.Said, s => s.StartsWith(Disclosure, StringComparison.Ordinal) && s.Contains("Hello Customer", StringComparison.Ordinal));
        Assert.All(calls, c => Assert.NotEqual("in-progress", c.Status));
    }

    [Fact]
    public async Task ConversationRelay_mode_talks_over_the_WebSocket()
    {
        await using var host = await TwilioHost.StartAsync("ConversationRelay");
        var id = await TwilioCampaign.StartAsync(host, [CalleeScript.Talkative, CalleeScript.Talkative, CalleeScript.Busy], 710_000);

        var stats = await TwilioCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(20));

        Assert.Empty(host.Twilio.Callee.Failures);
        Assert.Equal("completed", stats.GetProperty("status").GetString());
        Assert.Equal(2, stats.GetProperty("results").GetProperty("answered").GetInt32());
        var records = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/calls?take=50")).GetProperty("items").EnumerateArray();
        Assert.Equal(2, records.Count(r => r.ValueKind == JsonValueKind.Object
            && r.GetProperty("outcome").ValueKind == JsonValueKind.Object
            && r.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString() == "moreInfo"));
        var call = host.Twilio.Calls.Values.First(c => c.Said.Count > 0);
        Assert.StartsWith(Disclosure, call.Said[0]);
        Assert.Contains("Hello Customer", call.Said[0]);
        Assert.Contains(call.Said, s => s.Contains("send you more information", StringComparison.Ordinal));
    }
}
