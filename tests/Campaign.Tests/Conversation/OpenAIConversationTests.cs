using System.Diagnostics;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Campaign.Tests.Conversation;

/// <summary>The OpenAI-compatible provider against a fake chat completions server on loopback.</summary>
public sealed class OpenAIConversationTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-secret-0123456789";
    private const string ModelReply = "Great, I've noted that. Would you like us to send you more information?";
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_model_calls_kernel_functions_then_speaks_and_the_extraction_fills_the_rest()
    {
        _server.Respond = (request, _) => Task.FromResult(
            FakeOpenAIServer.WantsJson(request) ? FakeOpenAIServer.Text("""
                { "Interest": "neutral", "Concerns": ["power cuts at night", "the price of repairs"], "FollowUp": "callback",
                  "CallbackTime": "tomorrow at 5 pm", "Summary": "Ana is interested and worried about power cuts at night.\nCall her back tomorrow." }
                """)
            : FakeOpenAIServer.LastRole(request) == "tool" ? FakeOpenAIServer.Text(ModelReply)
            : FakeOpenAIServer.ToolCalls(("call-record_interest", """{"level":"interested"}"""), ("call-record_concern", """{"text":"power cuts at night"}""")));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Yes, tell me more. I'm worried about power cuts at night, and call me back tomorrow at 5 pm.");
        var outcome = await harness.ConcludeAsync(session);

        Assert.StartsWith(OutageScript.Disclosure, replies[0].Text);
        Assert.Equal(ModelReply, replies[1].Text);
        Assert.False(replies[1].EndCall);
        Assert.Equal(Interest.Interested, outcome.Interest);
        Assert.Equal(["power cuts at night", "price of repairs"], outcome.Concerns);
        Assert.Equal(new FollowUp(FollowUpKind.Callback, new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(-5))), outcome.FollowUp);
        Assert.Equal("Ana is interested and worried about power cuts at night. Call her back tomorrow.", outcome.Summary);

        var requests = _server.Requests.ToList();
        Assert.Equal(3, requests.Count);
        var tools = requests[0].GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()).ToList();
        Assert.Equal(["call-end_call", "call-opt_out", "call-record_concern", "call-record_follow_up", "call-record_interest", "call-transfer_to_human"], tools.Order());
        Assert.Equal("auto", requests[0].GetProperty("tool_choice").GetString());
        Assert.Equal("fake-model", requests[0].GetProperty("model").GetString());
        var messages = requests[0].GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        var system = messages[0].GetProperty("content").GetString()!;
        Assert.Contains(OutageScript.CreditAnswer, system);
        Assert.Contains("Would you like a technician to visit?", system);
        Assert.Contains(OutageScript.FedUpResponse, system);
        Assert.Equal(replies[0].Text, messages[1].GetProperty("content").GetString());
        Assert.Equal("tool", FakeOpenAIServer.LastRole(requests[1]));

        // Strict schemas: every tool declares its parameters exactly, and enum parameters their allowed values.
        var functions = requests[0].GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function"))
            .ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.All(functions.Values, f => Assert.True(f.GetProperty("strict").GetBoolean()));
        Assert.All(functions.Values, f => Assert.False(f.GetProperty("parameters").GetProperty("additionalProperties").GetBoolean()));
        Assert.Equal(["interested", "neutral", "notInterested"], Enum(functions["call-record_interest"], "level"));
        Assert.Equal(["moreInfo", "callback", "leaveAlone"], Enum(functions["call-record_follow_up"], "kind"));

        // The extraction asks for a strict JSON schema whose interest and follow-up are enums.
        var format = requests[2].GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var schema = format.GetProperty("json_schema");
        Assert.True(schema.GetProperty("strict").GetBoolean());
        var properties = schema.GetProperty("schema").GetProperty("properties");
        Assert.Equal(["interested", "neutral", "notInterested", "unknown"], properties.GetProperty("Interest").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["moreInfo", "callback", "leaveAlone", "none"], properties.GetProperty("FollowUp").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(5, schema.GetProperty("schema").GetProperty("required").GetArrayLength());
        Assert.All(_server.Authorizations, a => Assert.Equal($"Bearer {ApiKey}", a));
        Assert.DoesNotContain(harness.Logs.Messages, m => m.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_opt_out_is_honoured_without_asking_the_model()
    {
        _server.Respond = (_, _) => Task.FromResult(FakeOpenAIServer.Text("Sure! So, about your power..."));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Please stop calling me.");
        var outcome = await harness.ConcludeAsync(session);

        Assert.True(replies[1].EndCall);
        Assert.Equal("Of course. I'll make sure we don't call you again. Goodbye.", replies[1].Text);
        Assert.Equal((true, Interest.NotInterested, FollowUpKind.LeaveAlone), (outcome.OptedOut, outcome.Interest, outcome.FollowUp.Kind));
        Assert.Single(_server.Requests); // only the extraction pass
    }

    [Fact]
    public async Task The_model_asking_for_a_transfer_hands_the_call_to_the_scripts_number_with_a_whisper()
    {
        _server.Respond = (request, _) => Task.FromResult(
            FakeOpenAIServer.LastRole(request) == "tool" ? FakeOpenAIServer.Text("Of course, I'll put you through to a colleague now, please hold. Goodbye!")
            : FakeOpenAIServer.ToolCalls(("call-record_concern", """{"text":"power cuts at night"}"""), ("call-transfer_to_human", "{}")));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition() with { Transfer = new Campaign.Abstractions.Scripts.ScriptTransfer("+12125550142") });

        var replies = await harness.TalkAsync(session, "The power cuts at night are awful. I want to talk to a real person.");

        // The person takes over: no goodbye from the agent, and the call is not hung up.
        Assert.False(replies[1].EndCall);
        Assert.Equal(HumanTransfer.PutThroughLine, replies[1].Text);
        Assert.Equal("+12125550142", replies[1].Transfer?.Number);
        Assert.Contains("Concerns: power cuts at night.", replies[1].Transfer?.Whisper);
        var tool = _server.Requests.Last().GetProperty("messages").EnumerateArray().Last();
        Assert.Contains("A colleague is available", tool.GetProperty("content").GetString());
    }

    [Fact]
    public async Task The_model_asking_for_a_transfer_outside_the_hours_records_a_callback_at_the_next_opening()
    {
        _server.Respond = (request, _) => Task.FromResult(
            FakeOpenAIServer.LastRole(request) == "tool" ? FakeOpenAIServer.Text("My colleagues are not available now; one will call you back.")
            : FakeOpenAIServer.ToolCalls(("call-transfer_to_human", "{}")));
        using var harness = Harness();
        var now = harness.Clock.GetUtcNow();
        var closedToday = now.UtcDateTime.AddDays(1).DayOfWeek.ToString();
        var hours = new Campaign.Abstractions.Scripts.TransferHours([closedToday], "09:00", "17:00", "UTC");
        var session = harness.Session(OutageScript.Definition() with { Transfer = new Campaign.Abstractions.Scripts.ScriptTransfer("+12125550142", hours) });

        var replies = await harness.TalkAsync(session, "Can I speak to someone, a human?");

        Assert.Null(replies[1].Transfer);
        Assert.True(replies[1].EndCall);
        Assert.Equal(new FollowUp(FollowUpKind.Callback, new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(9), TimeSpan.Zero)), session.FollowUp);
    }

    [Fact]
    public async Task The_model_ending_the_call_gets_a_goodbye()
    {
        _server.Respond = (request, _) => Task.FromResult(
            FakeOpenAIServer.LastRole(request) == "tool" ? FakeOpenAIServer.Text("Understood.")
            : FakeOpenAIServer.ToolCalls(("call-record_interest", """{"level":"notInterested"}"""), ("call-end_call", "{}")));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Nah.");

        Assert.True(replies[1].EndCall);
        Assert.Equal($"Understood. {OutageScript.Closing}", replies[1].Text);
        Assert.Equal(Interest.NotInterested, session.Interest);
    }

    [Fact]
    public async Task A_persistent_model_error_ends_the_call_politely_and_keeps_the_customer_in_play()
    {
        // A server that echoes the key in its error must not get it into the logs.
        _server.Respond = (_, _) => Task.FromResult(Results.Json(new { error = new { message = $"boom for key {ApiKey}", type = "server_error" } }, statusCode: 500));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.");
        var failedAt = harness.Clock.GetUtcNow();
        var outcome = await harness.ConcludeAsync(session);

        AssertEndedPolitely(session, replies);
        Assert.Equal(AgentLines.ModelFailure, replies[1].Text); // no promise the campaign might not keep
        Assert.Equal("error: HTTP 500", session.Memory.Failure);
        Assert.Equal(Interest.Interested, outcome.Interest); // the transcript rules still read the answer

        // The customer is not lost: the outcome asks for a callback an hour later, which the campaign dials.
        Assert.Equal(new FollowUp(FollowUpKind.Callback, failedAt.AddMinutes(60)), outcome.FollowUp);
        Assert.StartsWith("Ended early because the conversation model failed (error: HTTP 500).", outcome.Summary);
        Assert.Contains("Model failure (error: HTTP 500): a callback is set for Tuesday 2026-11-24 at 17:30 local time.", outcome.Summary);

        Assert.Equal(3, _server.Requests.Count); // three attempts (Conversation:OpenAI:MaxAttempts), no extraction request to a failing model
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: HTTP 500 on attempt {attempt} of 3;", StringComparison.Ordinal));
        }

        Assert.Contains(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: the conversation model failed for good (error: HTTP 500", StringComparison.Ordinal)
            && m.Contains("boom for key ***", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Messages, m => m.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_timeout_ends_the_call_politely_with_the_transcript_intact()
    {
        _server.Respond = async (_, aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), aborted);
            return FakeOpenAIServer.Text("Too late.");
        };
        using var harness = Harness(timeoutSeconds: "0.5");
        var session = harness.Session(OutageScript.Definition());

        var watch = Stopwatch.StartNew();
        var replies = await harness.TalkAsync(session, "Maybe, I'm not sure yet.");
        var outcome = await harness.ConcludeAsync(session);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        AssertEndedPolitely(session, replies);
        Assert.Equal("timeout", session.Memory.Failure);
        Assert.StartsWith("Ended early because the conversation model failed (timeout).", outcome.Summary);
        Assert.Equal(Interest.Neutral, outcome.Interest);
        Assert.Equal(FollowUpKind.Callback, outcome.FollowUp.Kind);
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: no answer within the turn's budget of 0.5 s", StringComparison.Ordinal));
    }

    private static void AssertEndedPolitely(Abstractions.Conversation.ConversationSession session, IReadOnlyList<Abstractions.Conversation.AgentReply> replies)
    {
        Assert.Equal(2, replies.Count);
        Assert.True(replies[1].EndCall);
        Assert.StartsWith("I'm sorry, I'm having a technical problem", replies[1].Text);
        Assert.EndsWith("Goodbye.", replies[1].Text);
        Assert.Equal([Speaker.Agent, Speaker.Customer, Speaker.Agent], session.Transcript.Select(l => l.Speaker));
        Assert.Equal(replies[1].Text, session.Transcript[^1].Text);
    }

    private static IEnumerable<string?> Enum(System.Text.Json.JsonElement function, string parameter) =>
        function.GetProperty("parameters").GetProperty("properties").GetProperty(parameter).GetProperty("enum").EnumerateArray().Select(v => v.GetString());

    private ConversationHarness Harness(string timeoutSeconds = "5") => new(new Dictionary<string, string?>
    {
        ["Conversation:Provider"] = "OpenAI",
        ["Conversation:OpenAI:Endpoint"] = _server.Endpoint,
        ["Conversation:OpenAI:Model"] = "fake-model",
        ["Conversation:OpenAI:ApiKey"] = ApiKey,
        ["Conversation:OpenAI:TimeoutSeconds"] = timeoutSeconds,
    });
}
