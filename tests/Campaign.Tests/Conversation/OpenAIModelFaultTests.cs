using System.Diagnostics;
using System.Globalization;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Conversation;
using Campaign.Abstractions.Customers;
using Campaign.Conversation.Agent;
using Campaign.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Campaign.Tests.Conversation;

/// <summary>
/// Faults of an OpenAI-compatible model against the fake server: each is retried or handled, logged with the call id,
/// and never leaves the call's outcome silently worse.
/// </summary>
public sealed class OpenAIModelFaultTests : IAsyncLifetime
{
    private const string Reply = "Great. Would you like us to send you more information?";
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_429_is_retried_after_the_seconds_its_Retry_After_asks_and_the_call_goes_on()
    {
        _server.Respond = (_, _) => Task.FromResult(_server.Requests.Count == 1 ? FakeOpenAIServer.Fault(429, retryAfter: "1") : FakeOpenAIServer.Text(Reply));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.");

        Assert.Equal(new AgentReply(Reply, EndCall: false), replies[1]);
        Assert.Null(session.Memory.Failure);
        var arrivals = _server.Arrivals.ToList();
        Assert.Equal(2, arrivals.Count);
        Assert.InRange(arrivals[1] - arrivals[0], TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(4));
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: HTTP 429 on attempt 1 of 3; retrying in 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_503_is_retried_at_the_HTTP_date_of_its_Retry_After()
    {
        _server.Respond = (_, _) => Task.FromResult(_server.Requests.Count == 1
            ? FakeOpenAIServer.Fault(503, retryAfter: DateTimeOffset.UtcNow.AddSeconds(2).ToString("r", CultureInfo.InvariantCulture))
            : FakeOpenAIServer.Text(Reply));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.");

        Assert.Equal(Reply, replies[1].Text);
        var arrivals = _server.Arrivals.ToList();
        Assert.Equal(2, arrivals.Count);
        // The date has whole seconds: the wait is between one and two seconds.
        Assert.InRange(arrivals[1] - arrivals[0], TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
        Assert.Single(harness.Logs.Messages, m => m.Contains("HTTP 503 on attempt 1 of 3; retrying in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_500_is_retried_and_the_second_answer_is_spoken()
    {
        _server.Respond = (_, _) => Task.FromResult(_server.Requests.Count == 1 ? FakeOpenAIServer.Fault(500) : FakeOpenAIServer.Text(Reply));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.");

        Assert.Equal(new AgentReply(Reply, EndCall: false), replies[1]);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: HTTP 500 on attempt 1 of 3; retrying in 0.25 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_retry_waits_past_the_turn_budget()
    {
        _server.Respond = (_, _) => Task.FromResult(FakeOpenAIServer.Fault(429, retryAfter: "30"));
        using var harness = Harness(timeoutSeconds: "3");
        var session = harness.Session(OutageScript.Definition());

        var watch = Stopwatch.StartNew();
        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.");
        var outcome = await harness.ConcludeAsync(session);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2.5)); // it gave up at once rather than wait out the budget
        Assert.Single(_server.Requests);
        Assert.True(replies[1].EndCall);
        Assert.Equal(AgentLines.ModelFailure, replies[1].Text);
        Assert.Equal("error: HTTP 429", session.Memory.Failure);
        Assert.Equal(FollowUpKind.Callback, outcome.FollowUp.Kind);
        Assert.Single(harness.Logs.Messages, m => m.Contains("HTTP 429 on attempt 1 of 3; not retried: waiting 30 s would pass the turn's budget of 3 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_error_that_is_not_transient_is_not_retried()
    {
        _server.Respond = (_, _) => Task.FromResult(FakeOpenAIServer.Fault(400, message: "bad request"));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.");

        Assert.Single(_server.Requests);
        Assert.Equal(AgentLines.ModelFailure, replies[1].Text);
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: HTTP 400 on attempt 1 of 3; not retried: the error is not transient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_model_keeps_the_callback_time_the_customer_asked_for()
    {
        _server.Respond = (request, _) => Task.FromResult(FakeOpenAIServer.LastRole(request) == "tool"
            ? FakeOpenAIServer.Fault(500)
            : FakeOpenAIServer.ToolCalls(("call-record_follow_up", """{"kind":"callback","when":"tomorrow at 5 pm"}""")));
        using var harness = Harness(maxAttempts: "1");
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "I'm busy. Call me back tomorrow at 5 pm.");
        var outcome = await harness.ConcludeAsync(session);

        Assert.Equal(AgentLines.ModelFailure, replies[1].Text);
        Assert.Equal(new FollowUp(FollowUpKind.Callback, new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(-5))), outcome.FollowUp);
        Assert.Contains("Model failure (error: HTTP 500): the callback the customer asked for stands (Wednesday 2026-11-25 at 17:00 local time).", outcome.Summary);
    }

    [Fact]
    public async Task A_failing_model_does_not_call_again_a_customer_who_asked_to_be_left_alone()
    {
        _server.Respond = (request, _) => Task.FromResult(FakeOpenAIServer.LastRole(request) == "tool"
            ? FakeOpenAIServer.Fault(500)
            : FakeOpenAIServer.ToolCalls(("call-record_follow_up", """{"kind":"leaveAlone","when":null}""")));
        using var harness = Harness(maxAttempts: "1");
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "No thanks, I don't need anything.");
        var outcome = await harness.ConcludeAsync(session);

        Assert.Equal(AgentLines.ModelFailureLeaveAlone, replies[1].Text);
        Assert.DoesNotContain("call you", replies[1].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(FollowUp.None with { Kind = FollowUpKind.LeaveAlone }, outcome.FollowUp);
        Assert.Contains("Model failure (error: HTTP 500): no new call, the customer asked to be left alone.", outcome.Summary);
    }

    [Fact]
    public async Task An_extraction_value_outside_the_allowed_set_falls_back_to_the_transcript_with_a_note_and_a_log_line()
    {
        _server.Respond = (request, _) => Task.FromResult(FakeOpenAIServer.WantsJson(request)
            ? FakeOpenAIServer.Text("""
                { "Interest": "very keen", "Concerns": ["power cuts at night"], "FollowUp": "email them",
                  "CallbackTime": null, "Summary": "Ana wants to hear more." }
                """)
            : FakeOpenAIServer.Text(Reply));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        await harness.TalkAsync(session, "Yes, sure, tell me more.", "Please send me more information.");
        var outcome = await harness.ConcludeAsync(session);

        // What the transcript says, not unknown/none.
        Assert.Equal(Interest.Interested, outcome.Interest);
        Assert.Equal(FollowUpKind.MoreInfo, outcome.FollowUp.Kind);
        Assert.Equal(["power cuts at night"], outcome.Concerns); // the valid fields of the model's answer are kept
        Assert.StartsWith("Ana wants to hear more.", outcome.Summary);
        Assert.Contains("Model fault: the extraction gave interest 'very keen', which is not an allowed value, so interest was read from the transcript (interested).", outcome.Summary);
        Assert.Contains("Model fault: the extraction gave followUp 'email them', which is not an allowed value, so followUp was read from the transcript (moreInfo).", outcome.Summary);
        Assert.Equal(2, session.Memory.Notes.Count); // the call grain copies these into the call's note
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: the outcome extraction gave interest 'very keen', which is not one of interested, neutral, notInterested, unknown", StringComparison.Ordinal));
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: the outcome extraction gave followUp 'email them'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_extraction_is_read_from_the_transcript_with_a_note_and_a_log_line()
    {
        _server.Respond = (request, _) => Task.FromResult(FakeOpenAIServer.WantsJson(request) ? FakeOpenAIServer.Text("Sorry, I can't do that.") : FakeOpenAIServer.Text(Reply));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        await harness.TalkAsync(session, "Maybe, I'm not sure yet.");
        var outcome = await harness.ConcludeAsync(session);

        Assert.Equal(Interest.Neutral, outcome.Interest);
        Assert.Contains("Model fault: the outcome extraction was malformed (not a JSON object of the schema), so the outcome was read from the transcript.", outcome.Summary);
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: the outcome extraction is malformed (not a JSON object of the schema)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_extraction_read_from_the_transcript_keeps_the_concern_quotes(bool failed)
    {
        const string Said = "I'm worried about the flickering lights in the kitchen.";
        _server.Respond = (request, _) => Task.FromResult(!FakeOpenAIServer.WantsJson(request) ? FakeOpenAIServer.Text(Reply)
            : failed ? FakeOpenAIServer.Fault(400, message: "bad request") : FakeOpenAIServer.Text("Sorry, I can't do that."));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        await harness.TalkAsync(session, "Yes, sure, tell me more.", Said);
        var outcome = await harness.ConcludeAsync(session);

        var concern = Assert.Single(outcome.Concerns, c => c.Contains("flickering lights", StringComparison.Ordinal));
        Assert.Contains(new ConcernQuote(concern, Said), outcome.ConcernQuotes ?? []);
        Assert.Contains("so the outcome was read from the transcript", outcome.Summary);
    }

    [Fact]
    public async Task An_unknown_tool_is_logged_and_the_model_corrects_itself()
    {
        _server.Respond = (request, _) => Task.FromResult(FakeOpenAIServer.LastRole(request) == "tool"
            ? FakeOpenAIServer.Text(Reply)
            : FakeOpenAIServer.ToolCalls(("call-book_visit", """{"day":"monday"}""")));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.");

        Assert.Equal(new AgentReply(Reply, EndCall: false), replies[1]);
        var toolResult = _server.Requests.Last().GetProperty("messages").EnumerateArray().Last();
        Assert.Contains("wasn't defined", toolResult.GetProperty("content").GetString());
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: the model called an unknown tool call-book_visit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tool_arguments_that_are_not_JSON_are_logged_and_record_nothing()
    {
        _server.Respond = (request, _) => Task.FromResult(FakeOpenAIServer.LastRole(request) == "tool"
            ? FakeOpenAIServer.Text(Reply)
            : FakeOpenAIServer.ToolCalls(("call-record_interest", "level=interested")));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.");

        Assert.Equal(Reply, replies[1].Text);
        Assert.Equal(Interest.Unknown, session.Interest);
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: the arguments of tool call-record_interest are not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tool_argument_outside_the_allowed_set_is_not_recorded_and_the_model_is_told_the_allowed_values()
    {
        _server.Respond = (request, _) => Task.FromResult(FakeOpenAIServer.LastRole(request) == "tool"
            ? FakeOpenAIServer.Text(Reply)
            : FakeOpenAIServer.ToolCalls(("call-record_interest", """{"level":"sorta"}""")));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        await harness.TalkAsync(session, "Yes, sure, tell me more.");

        Assert.Equal(Interest.Unknown, session.Interest);
        var toolResult = _server.Requests.Last().GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString();
        Assert.Equal("Not recorded: 'sorta' is not an allowed level. Use one of: interested, neutral, notInterested.", toolResult);
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: tool call-record_interest gave level 'sorta', which is not one of interested, neutral, notInterested", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_reply_is_asked_for_again_instead_of_asking_the_customer_to_repeat()
    {
        _server.Respond = (_, _) => Task.FromResult(FakeOpenAIServer.Text(_server.Requests.Count == 1 ? "" : Reply));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.");

        Assert.Equal(new AgentReply(Reply, EndCall: false), replies[1]);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: empty reply on attempt 1; asking the model once more", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_that_keeps_answering_nothing_ends_the_call_politely_without_a_repeat_loop()
    {
        _server.Respond = (request, _) => Task.FromResult(FakeOpenAIServer.Text(""));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.", "Hello?", "Are you there?");
        var outcome = await harness.ConcludeAsync(session);

        Assert.Equal(3, replies.Count); // the call ended on the first line: the customer is not asked to repeat
        Assert.True(replies[1].EndCall);
        Assert.Equal(new AgentReply("Goodbye.", EndCall: true), replies[2]);
        Assert.Equal(AgentLines.ModelFailure, replies[1].Text);
        Assert.DoesNotContain(session.Transcript, l => l.Text == AgentLines.NotHeard);
        Assert.Equal(2, _server.ReplyRequests); // asked once more, then given up
        Assert.Equal("error: empty reply", session.Memory.Failure);
        Assert.Equal(FollowUpKind.Callback, outcome.FollowUp.Kind);
        Assert.Single(harness.Logs.Messages, m => m.Contains("empty reply on attempt 2; the call ends politely", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_goodbye_without_end_call_ends_the_call()
    {
        const string goodbye = "Thanks for your time, Ana. Have a nice day!";
        _server.Respond = (_, _) => Task.FromResult(FakeOpenAIServer.Text(goodbye));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());

        var replies = await harness.TalkAsync(session, "No, everything is fine now.", "Hello?");

        Assert.Equal(3, replies.Count);
        Assert.Equal(new AgentReply(goodbye, EndCall: true) { ListensAfter = true }, replies[1]);
        Assert.Equal(new AgentReply("Goodbye.", EndCall: true), replies[2]);
        Assert.Equal(goodbye, session.Transcript[^3].Text);
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Call {session.CallId}: the model said goodbye without calling end_call", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_streamed_turn_is_retried_after_a_429_before_any_word_is_spoken()
    {
        _server.Respond = (_, _) => Task.FromResult(_server.Requests.Count == 1 ? FakeOpenAIServer.Fault(429, retryAfter: "0") : FakeOpenAIServer.StreamText(["Great,", " thanks."]));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());
        await harness.Agent.OpenAsync(session);

        var chunks = new List<AgentReplyChunk>();
        await foreach (var chunk in harness.Agent.StreamResponseAsync(session, "Yes, sure."))
        {
            chunks.Add(chunk);
        }

        Assert.Equal(new AgentReply("Great, thanks.", EndCall: false), chunks[^1].Reply);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: HTTP 429 on attempt 1 of 3; retrying in 0 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_streamed_reply_is_asked_for_again()
    {
        _server.Respond = (_, _) => Task.FromResult(FakeOpenAIServer.StreamText(_server.Requests.Count == 1 ? [] : ["Great,", " thanks."]));
        using var harness = Harness();
        var session = harness.Session(OutageScript.Definition());
        await harness.Agent.OpenAsync(session);

        var chunks = new List<AgentReplyChunk>();
        await foreach (var chunk in harness.Agent.StreamResponseAsync(session, "Yes, sure."))
        {
            chunks.Add(chunk);
        }

        Assert.Equal(new AgentReply("Great, thanks.", EndCall: false), chunks[^1].Reply);
        Assert.Single(harness.Logs.Messages, m => m.Contains("empty reply on attempt 1; asking the model once more", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_that_keeps_failing_is_refused_at_once_for_a_while_and_the_call_ends_politely()
    {
        _server.Respond = (_, _) => Task.FromResult(FakeOpenAIServer.Fault(503));
        using var harness = Harness();

        // Turns of calls fail against the server until the circuit opens (half of 10 attempts or more failed).
        for (var turn = 0; turn < 6 && !harness.Logs.Messages.Any(m => m.Contains("circuit open", StringComparison.Ordinal)); turn++)
        {
            await harness.TalkAsync(harness.Session(OutageScript.Definition()), "Yes, sure, tell me more.");
        }

        Assert.InRange(_server.Requests.Count, 10, 18);
        var sent = _server.Requests.Count;
        var session = harness.Session(OutageScript.Definition());
        var watch = Stopwatch.StartNew();
        var replies = await harness.TalkAsync(session, "Yes, sure, tell me more.");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"refused after {watch.Elapsed}");
        Assert.Equal(sent, _server.Requests.Count);
        Assert.Equal(AgentLines.ModelFailure, replies[1].Text);
        Assert.Equal("error: the model is refused for a while after repeated failures", session.Memory.Failure);
        Assert.Single(harness.Logs.Messages, m => m.Contains($"Model fault on call {session.CallId}: the request failed on attempt 1 of 3 (circuit open); not retried", StringComparison.Ordinal));
    }

    private ConversationHarness Harness(string timeoutSeconds = "5", string maxAttempts = "3") => new(new Dictionary<string, string?>
    {
        ["Conversation:Provider"] = "OpenAI",
        ["Conversation:OpenAI:Endpoint"] = _server.Endpoint,
        ["Conversation:OpenAI:Model"] = "fake-model",
        ["Conversation:OpenAI:ApiKey"] = "sk-test",
        ["Conversation:OpenAI:TimeoutSeconds"] = timeoutSeconds,
        ["Conversation:OpenAI:MaxAttempts"] = maxAttempts,
    });
}
