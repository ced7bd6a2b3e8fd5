using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Campaigns;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Grains.Calls;
using Campaign.Grains.Campaigns;
using Campaign.Grains.Compliance;
using Campaign.Tests.Grains;
using Campaign.Tests.Support;
using Orleans.Storage;

namespace Campaign.Tests.Storage;

/// <summary>
/// Grain state stored by an earlier version still loads: the fixtures hold a campaign's and a call's state as the grain
/// storage wrote them then. A change to the state classes that breaks these tests breaks every stored campaign or call.
/// </summary>
public class StoredStateCompatibilityTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 14, 5, 0, TimeSpan.Zero);

    [Fact]
    public void A_stored_campaign_state_loads_with_every_field()
    {
        var state = StoredStateSerializer.Read<CampaignState>("campaign-state.json");

        var definition = state.Definition!;
        Assert.Equal(("Outage follow-up", "seg-riverside", "{\"area\":[\"Riverside\"]}", "scr-outage"), (definition.Name, definition.SegmentId, definition.CriteriaJson, definition.ScriptId));
        Assert.Equal([new ScriptVariant("seg-vip", "scr-vip"), new ScriptVariant("seg-other", null)], definition.Variants);
        Assert.Equal((7, "+15550100"), (definition.MaxConcurrentCalls, definition.CallerId));
        Assert.Equal(new RetryPolicy(4, TimeSpan.FromHours(1), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromHours(3)), definition.RetryPolicy);
        Assert.Equal(new VoicemailPolicy(VoicemailAction.LeaveMessage, "Please call us back."), definition.VoicemailPolicy);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], definition.CallingWindow!.Days);
        Assert.Equal((TimeSpan.FromHours(9), TimeSpan.FromHours(17.5), "Europe/Lisbon"), (definition.CallingWindow.From, definition.CallingWindow.To, definition.CallingWindow.TimeZone));
        Assert.Equal((120, 600, CampaignPurpose.Marketing), (definition.MaxCallsPerDay, definition.MaxMinutesPerDay, definition.Purpose));

        Assert.Equal(CampaignStatus.Paused, state.Status);
        Assert.Equal((At, At.AddMinutes(5), At.AddDays(2)), (state.CreatedAt, state.StartedAt, state.EndedAt));
        Assert.Equal((250, 7), (state.Audience, state.PeakInFlight));
        Assert.Equal(new Dictionary<string, int> { ["scr-outage"] = 3, ["scr-vip"] = 1 }, state.ScriptVersions);
        var day = Assert.Single(state.Abandons.Days);
        Assert.Equal((739584, 40, 2, 38, 45600L), (day.Key, day.Value.Answered, day.Value.Abandoned, day.Value.Heard, day.Value.FirstAudioMsTotal));
        Assert.Equal(("compliance", "abandoned-call rate 5.0% over 30 days"), (state.PausedBy, state.PausedReason));
    }

    [Fact]
    public void A_stored_call_state_loads_with_every_field()
    {
        var state = StoredStateSerializer.Read<CallState>("call-state.json");

        var request = state.Request!;
        Assert.Equal(("cmp-1-12-a2", "cmp-1", "C-1001", 12L, 2), (request.CallId, request.CampaignId, request.CustomerId, request.Seq, request.Attempt));
        Assert.Equal(("seg-vip", "scr-vip", "+15550100", 3, "Europe/Lisbon"), (request.SegmentId, request.ScriptId, request.CallerId, request.ScriptVersion, request.TimeZone));
        Assert.Equal((new VoicemailPolicy(VoicemailAction.HangUp, null), TimeSpan.FromMinutes(10), CampaignPurpose.Marketing), (request.VoicemailPolicy, request.MaxDuration, request.Purpose));
        Assert.Equal(TimeSpan.FromHours(9), request.Window!.From);

        Assert.Equal((CallStatus.Ended, "CA123", CallResult.Answered, "hung up by agent"), (state.Status, state.ProviderCallId, state.Result, state.Note));
        Assert.Equal((At, At.AddSeconds(8), At.AddMinutes(3), At.AddSeconds(9)), (state.StartedAt, state.AnsweredAt, state.EndedAt, state.FirstAudioAt));
        Assert.Equal((true, "+351912345678", 4, false), (state.OptOutRecorded, state.Phone, state.Turns, state.Abandoned));
        Assert.Equal(new CallInstruction("Goodbye.", false, true, 4), state.LastInstruction);

        var session = state.Session!;
        Assert.Equal(("C-1001", "Ana Silva", "Riverside", "Europe/Lisbon"), (session.Customer.Id, session.Customer.Name, session.Customer.Area, session.Customer.TimeZone));
        Assert.Equal(["vip"], session.Customer.Tags);
        Assert.Equal("basic", session.Customer.Attributes["plan"]);
        Assert.Equal(new CustomerIssue("electricity", At.AddDays(-3), "power cuts at night"), Assert.Single(session.Customer.Issues));
        Assert.Equal(new ConsentRecord(ConsentKind.ExpressWritten, "marketing", "web form", At.AddDays(-30)), Assert.Single(session.Customer.Consent!));
        Assert.Equal(("cmp-1-12-a2", "scr-vip", 3, 2), (session.CallId, session.ScriptId, session.ScriptVersion, session.Step));
        // A key no version of the agent wrote means nothing and is dropped; the memory is otherwise empty.
        Assert.Null(session.StoredKeys);
        Assert.Equal((null, DialogueStep.Interest, 0), (session.Memory.ScriptVersion, session.Memory.Dialogue.Step, session.Memory.Notes.Count));
        Assert.Equal([new TranscriptLine(Speaker.Agent, "Hello Ana", At.AddSeconds(9)), new TranscriptLine(Speaker.Customer, "Hi", At.AddSeconds(12))], session.Transcript);
        Assert.Equal((Interest.Interested, 1, true), (session.Interest, session.Silences, session.OptedOut));
        Assert.Equal(["price"], session.Concerns);
        Assert.Equal(new FollowUp(FollowUpKind.Callback, At.AddDays(1)), session.FollowUp);
        Assert.Equal(At.AddSeconds(8), session.AnsweredAt);

        var outcome = state.Outcome!;
        Assert.Equal((Interest.Interested, "Wants a callback", true, 14, DayOfWeek.Monday), (outcome.Interest, outcome.Summary, outcome.OptedOut, outcome.LocalHour, outcome.Weekday));
        Assert.Equal(["price"], outcome.Concerns);
        Assert.Equal(new FollowUp(FollowUpKind.Callback, At.AddDays(1)), outcome.FollowUp);
        Assert.Equal(new ConcernQuote("price", "it costs too much"), Assert.Single(outcome.ConcernQuotes!));
    }

    [Fact]
    public void A_call_stored_with_the_agents_memory_as_string_keys_loads_it_typed_and_is_stored_typed_from_then_on()
    {
        var state = StoredStateSerializer.Read<CallState>("call-state-string-memory.json");

        var memory = state.Session!.Memory;
        Assert.Null(state.Session.StoredKeys);
        Assert.Equal((3, "tomorrow at 5 pm", "stop ringing so early"), (memory.ScriptVersion, memory.CallbackPhrase, memory.OptOutAsked));
        Assert.Equal(("timeout", At.AddDays(1), "modelFailure"), (memory.Failure, memory.CallAgainAt, memory.EndReason));
        Assert.Equal(new Dictionary<int, string> { [0] = "Two years", [1] = "Yes, the whole house" }, memory.Captures);
        Assert.Equal(["Do you cover the north side?", "Is the check free?"], memory.Questions);
        Assert.Equal(2, memory.Notes.Count);
        Assert.StartsWith("Model fault: the outcome extraction failed", memory.Notes[0], StringComparison.Ordinal);
        var dialogue = memory.Dialogue;
        Assert.Equal((DialogueStep.Capture, DialogueStep.Concerns, 2, 1, 2, true), (dialogue.Step, dialogue.Resume, dialogue.Capture, dialogue.Unclear, dialogue.Points, dialogue.Probed));

        var serializer = StoredStateSerializer.Create();
        var written = serializer.Serialize(state);
        Assert.DoesNotContain("\"Memory\"", written.ToString(), StringComparison.Ordinal);
        var again = serializer.Deserialize<CallState>(written)!.Session!.Memory;
        Assert.Equal((3, DialogueStep.Capture, "Yes, the whole house", 2), (again.ScriptVersion, again.Dialogue.Step, again.Captures[1], again.Notes.Count));
    }

    [Fact]
    public async Task The_silo_stores_grain_state_with_the_serializer_the_fixtures_were_written_with()
    {
        using var file = new TempDatabase();
        var cluster = await EngineCluster.StartAsync(file.Path, scripted: true);
        try
        {
            var silo = cluster.Service<IGrainStorageSerializer>();
            Assert.IsType<JsonGrainStorageSerializer>(silo);
            var stored = File.ReadAllBytes(StoredStateSerializer.FixturePath("campaign-state.json"));
            Assert.Equal(CampaignStatus.Paused, silo.Deserialize<CampaignState>(new BinaryData(stored))!.Status);

            // A call read back with a callback gets its own follow-up: the one every new session starts with stays none.
            var call = silo.Deserialize<CallState>(new BinaryData(File.ReadAllBytes(StoredStateSerializer.FixturePath("call-state.json"))))!;
            Assert.Equal(FollowUpKind.Callback, call.Session!.FollowUp.Kind);
            Assert.Equal(new FollowUp(FollowUpKind.None, null), FollowUp.None);
            Assert.Equal(FollowUpKind.None, new ConversationSession { Customer = call.Session.Customer }.FollowUp.Kind);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
