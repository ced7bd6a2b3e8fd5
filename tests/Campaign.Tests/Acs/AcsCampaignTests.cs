using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Tests.Twilio;

namespace Campaign.Tests.Acs;

public class AcsCampaignTests
{
    private const string VoicemailMessage = "This is your service provider. Please call us back.";

    // Every call opens with the built-in script's AI disclosure (the campaigns here name no script).
    private const string Disclosure = "I'm an automated assistant calling on behalf of your service provider.";

    [Fact]
    public async Task A_campaign_of_30_at_5_calls_at_once_runs_through_ACS_to_outcomes_despite_repeated_and_late_events()
    {
        await using var host = await AcsHost.StartAsync();
        host.Acs.Callee.DuplicateEvents = true;
        host.Acs.Callee.ReplayStaleEvents = true;
        CalleeScript ScriptFor(int i) => (i % 10) switch
        {
            0 => CalleeScript.Busy,
            1 => CalleeScript.NoAnswer,
            2 or 3 => CalleeScript.Machine,
            4 => CalleeScript.Silent,
            _ => CalleeScript.Talkative,
        };
        var started = DateTime.UtcNow;
        var id = await AcsCampaign.StartAsync(host, [.. Enumerable.Range(0, 30).Select(ScriptFor)], 740_000,
            extra: $$""", "voicemailPolicy": { "action": "leaveMessage", "message": "{{VoicemailMessage}}" }""");

        var stats = await AcsCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(50));

        Assert.Empty(host.Acs.Callee.Failures);
        Assert.Equal(0, host.Acs.Unauthorized);
        Assert.Equal("completed", stats.GetProperty("status").GetString());
        Assert.Equal(30, stats.GetProperty("finished").GetInt32());
        Assert.InRange(stats.GetProperty("peakInFlight").GetInt32(), 1, 5);
        var results = stats.GetProperty("results");
        Assert.Equal(18, results.GetProperty("answered").GetInt32());
        Assert.Equal(6, results.GetProperty("voicemail").GetInt32());
        Assert.Equal(3, results.GetProperty("busy").GetInt32());
        Assert.Equal(3, results.GetProperty("noAnswer").GetInt32());
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(50));

        var calls = host.Acs.Calls.Values.ToList();
        Assert.Equal(30, calls.Count);
        Assert.All(calls, c =>
        {
            Assert.Equal("+12125550123", c.From);
            Assert.StartsWith($"{host.BaseUrl}/telephony/acs/events?callId={Uri.EscapeDataString(c.CallId)}&token=", c.CallbackUri);
            Assert.Equal("https://speech-test.cognitiveservices.azure.com/", c.Create.GetProperty("callIntelligenceOptions").GetProperty("cognitiveServicesEndpoint").GetString());
            Assert.Equal("disconnected", c.State);
        });

        // The machines heard the campaign's message once, then the line was hung up.
        var machines = calls.Where(c => c.Said.Contains(VoicemailMessage)).ToList();
        Assert.Equal(6, machines.Count);
        Assert.All(machines, c => Assert.Equal(["recognize", "play", "terminate"], c.Requested.Select(a => a.Kind)));

        // Prompts are played inside recognize, in the configured voice, listening to the number dialled.
        var talkative = calls.First(c => c.Said.Any(s => s.Contains("didn't catch that", StringComparison.Ordinal)));
        Assert.StartsWith(Disclosure, talkative.Said[0]);
        var recognize = talkative.Requested.First(a => a.Kind == "recognize").Body;
        Assert.Equal("speech", recognize.GetProperty("recognizeInputType").GetString());
        Assert.Equal("en-US-NancyNeural", recognize.GetProperty("playPrompt").GetProperty("text").GetProperty("voiceName").GetString());
        Assert.Equal(talkative.To, recognize.GetProperty("recognizeOptions").GetProperty("targetParticipant").GetProperty("phoneNumber").GetProperty("value").GetString());

        // Each thing the callees said was heard once, although every event came twice and stale ones came back.
        var records = await AcsCampaign.CallsAsync(host, id);
        var answered = records.Where(r => r.GetProperty("result").GetString() == "answered").ToList();
        Assert.Equal(15, answered.Count(r => r.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString() == "moreInfo"));
        foreach (var record in answered.Where(r => r.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString() == "moreInfo"))
        {
            var call = await host.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{record.GetProperty("id").GetString()}");
            var heard = call.GetProperty("transcript").EnumerateArray()
                .Where(l => l.GetProperty("speaker").GetString() == "customer")
                .Select(l => l.GetProperty("text").GetString())
                .Where(t => !string.IsNullOrEmpty(t))
                .ToList();
            Assert.Equal(["Yes, I have a minute.", "The power cuts at night worry me.", "Yes please, send it."], heard);
        }
    }

    [Fact]
    public async Task An_opt_out_said_over_the_goodbye_is_recognised_before_the_line_is_hung_up()
    {
        await using var host = await AcsHost.StartAsync();
        var id = await AcsCampaign.StartAsync(host, [CalleeScript.OptOutOverGoodbye, CalleeScript.Decliner], 760_000);

        await AcsCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(50));

        Assert.Empty(host.Acs.Callee.Failures);
        var records = await AcsCampaign.CallsAsync(host, id);
        var followUps = records.Select(r => r.GetProperty("outcome").GetProperty("followUp").GetProperty("kind").GetString()).Order().ToList();
        Assert.Equal(["leaveAlone", "none"], followUps);

        // The goodbye is a recognition with a short wait, not a play: silence over it ends the call.
        var calls = host.Acs.Calls.Values.ToList();
        Assert.All(calls, c =>
        {
            var goodbye = c.Requested.Last(a => a.Kind == "recognize").Body;
            Assert.Contains("Goodbye", goodbye.GetProperty("playPrompt").GetProperty("text").GetProperty("text").GetString());
            Assert.Equal(3, goodbye.GetProperty("recognizeOptions").GetProperty("initialSilenceTimeoutInSeconds").GetInt32());
        });
    }

    [Fact]
    public async Task With_JWT_checks_on_callbacks_signed_by_Call_Automation_run_the_campaign()
    {
        await using var host = await AcsHost.StartAsync(jwt: true);
        var id = await AcsCampaign.StartAsync(host, [CalleeScript.Talkative, CalleeScript.Machine, CalleeScript.Busy], 750_000);

        var stats = await AcsCampaign.WaitForCompletionAsync(host, id, TimeSpan.FromSeconds(20));

        Assert.Empty(host.Acs.Callee.Failures);
        Assert.Equal("completed", stats.GetProperty("status").GetString());
        var results = stats.GetProperty("results");
        Assert.Equal(1, results.GetProperty("answered").GetInt32());
        Assert.Equal(1, results.GetProperty("voicemail").GetInt32());
        Assert.Equal(1, results.GetProperty("busy").GetInt32());

        // The default voicemail policy hangs up without a message.
        var machine = host.Acs.Calls.Values.Single(c => c.Said.Count == 1 && c.Requested.Any(a => a.Kind == "terminate") && !c.Requested.Any(a => a.Kind == "play"));
        Assert.Equal(["recognize", "terminate"], machine.Requested.Select(a => a.Kind));
    }
}
