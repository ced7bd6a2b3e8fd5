using System.Text.Json;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;

namespace Campaign.Tests.Storage;

/// <summary>What every call store does; each store runs it through a subclass.</summary>
public abstract class CallStoreContract
{
    private const string Campaign = "camp-1";
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private ICallStore? _store;

    private ICallStore Calls => _store ??= CreateStore();

    protected abstract ICallStore CreateStore();

    private static CallRecord Call(
        string id,
        int minutesAfterStart,
        CallResult? result,
        string? segment = null,
        Interest interest = Interest.Unknown,
        string[]? concerns = null,
        FollowUpKind followUp = FollowUpKind.None,
        int talkSeconds = 0,
        int? hour = 9,
        DayOfWeek? weekday = DayOfWeek.Monday)
    {
        var started = Start.AddMinutes(minutesAfterStart);
        var answered = result == CallResult.Answered ? started.AddSeconds(5) : (DateTimeOffset?)null;
        var outcome = result == CallResult.Answered
            ? new CallOutcome(interest, concerns ?? [], new FollowUp(followUp, null), "summary", false, hour, weekday)
            : null;
        return new CallRecord(id, Campaign, "cust-" + id, segment, 1, CallStatus.Ended, result, started, answered,
            (answered ?? started).AddSeconds(talkSeconds), [new TranscriptLine(Speaker.Agent, "Hello", started)], outcome, null,
            LocalHour: hour, LocalWeekday: weekday);
    }

    private static string Json(CallRecord? record) => JsonSerializer.Serialize(record);

    [Fact]
    public async Task The_time_to_first_audio_and_an_abandoned_call_are_kept()
    {
        var heard = Call("fa-" + Guid.NewGuid().ToString("N")[..6], 0, CallResult.Answered) with { FirstAudioMs = 640 };
        var silent = Call("ab-" + Guid.NewGuid().ToString("N")[..6], 1, CallResult.Answered) with { Abandoned = true };
        await Calls.SaveAsync(heard);
        await Calls.SaveAsync(silent);

        var readHeard = await Calls.GetAsync(heard.Id);
        var readSilent = await Calls.GetAsync(silent.Id);
        var listed = (await Calls.ListAsync(Campaign, 0, 1000)).Items.Where(c => c.Id == heard.Id || c.Id == silent.Id)
            .OrderBy(c => c.StartedAt).Select(c => (c.FirstAudioMs, c.Abandoned)).ToList();

        Assert.Equal((640, false), (readHeard!.FirstAudioMs, readHeard.Abandoned));
        Assert.Equal(((int?)null, true), (readSilent!.FirstAudioMs, readSilent.Abandoned));
        Assert.Equal([(640, false), (null, true)], listed);
    }

    [Fact]
    public async Task A_call_keeps_its_texts_and_redaction_removes_their_number_and_words_but_not_their_status()
    {
        var call = Call("txt-" + Guid.NewGuid().ToString("N")[..6], 2, CallResult.Answered) with
        {
            Texts = [new CallText("t-info", "+12125550100", TextStatus.Delivered, Start, "Hi Ana, details: example.com", "SM1", null, Start.AddSeconds(5))],
        };
        await Calls.SaveAsync(call);

        Assert.Equal(call.Texts, (await Calls.GetAsync(call.Id))!.Texts);

        Assert.True(await Calls.RedactAsync(call.Id, "erased"));
        var text = Assert.Single((await Calls.GetAsync(call.Id))!.Texts!);
        Assert.Equal(("", (string?)null, TextStatus.Delivered), (text.To, text.Body, text.Status));
    }

    [Fact]
    public async Task Calls_past_a_cutoff_with_a_transcript_are_found_and_a_redacted_one_is_not()
    {
        var old = Call("old-" + Guid.NewGuid().ToString("N")[..6], 0, CallResult.Answered);
        var redacted = Call("red-" + Guid.NewGuid().ToString("N")[..6], 1, CallResult.Answered);
        var recent = Call("new-" + Guid.NewGuid().ToString("N")[..6], 600, CallResult.Answered);
        await Calls.SaveAsync(old);
        await Calls.SaveAsync(redacted);
        await Calls.SaveAsync(recent);
        Assert.True(await Calls.RedactAsync(redacted.Id, "erased"));

        var due = await Calls.WithTranscriptEndedBeforeAsync(Start.AddHours(1), 100);

        Assert.Contains(old.Id, due);
        Assert.DoesNotContain(redacted.Id, due);
        Assert.DoesNotContain(recent.Id, due);
        var read = await Calls.GetAsync(redacted.Id);
        Assert.Equal((0, (CallOutcome?)null, "erased", CallResult.Answered), (read!.Transcript.Count, read.Outcome, read.Note, read.Result));
        Assert.False(await Calls.RedactAsync("no-such-call", "erased"));
    }

    [Fact]
    public async Task Saving_a_call_again_replaces_it()
    {
        var first = Call("c1", 0, null);
        await Calls.SaveAsync(first);
        var final = Call("c1", 3, CallResult.Answered, "s1", Interest.Interested, ["price"], FollowUpKind.MoreInfo, talkSeconds: 90);
        await Calls.SaveAsync(final);
        await Calls.SaveAsync(final);

        Assert.Equal(Json(final), Json(await Calls.GetAsync("c1")));
        Assert.Null(await Calls.GetAsync("missing"));
        var page = await Calls.ListAsync(Campaign, 0, 10);
        Assert.Equal(1, page.Total);
        Assert.Equal(Json(final), Json(page.Items.Single()));
    }

    [Fact]
    public async Task Calls_list_newest_first_in_pages()
    {
        foreach (var (id, minute) in new[] { ("a", 10), ("b", 30), ("c", 20), ("d", 30) })
        {
            await Calls.SaveAsync(Call(id, minute, CallResult.NoAnswer));
        }

        await Calls.SaveAsync(Call("e", 0, null) with { StartedAt = null });

        Assert.Equal(["b", "d", "c", "a", "e"], (await Calls.ListAsync(Campaign, 0, 10)).Items.Select(c => c.Id));
        var page = await Calls.ListAsync(Campaign, 1, 2);
        Assert.Equal(5, page.Total);
        Assert.Equal(["d", "c"], page.Items.Select(c => c.Id));
        Assert.Equal(0, (await Calls.ListAsync("other", 0, 10)).Total);
    }

    [Fact]
    public async Task Calls_filter_by_result_interest_follow_up_and_customer_with_a_total_and_pages()
    {
        await Calls.SaveAsync(Call("f1", 10, CallResult.Answered, interest: Interest.Interested, followUp: FollowUpKind.Callback));
        await Calls.SaveAsync(Call("f2", 20, CallResult.Answered, interest: Interest.Interested, followUp: FollowUpKind.MoreInfo));
        await Calls.SaveAsync(Call("f3", 30, CallResult.Answered, interest: Interest.NotInterested, followUp: FollowUpKind.LeaveAlone));
        await Calls.SaveAsync(Call("f4", 40, CallResult.NoAnswer));
        await Calls.SaveAsync(Call("f5", 50, CallResult.Answered, interest: Interest.Interested, followUp: FollowUpKind.Callback));
        await Calls.SaveAsync(Call("f6", 60, CallResult.Busy));

        async Task<(int Total, string Ids)> ListAsync(CallFilter filter, int skip = 0, int take = 10)
        {
            var page = await Calls.ListAsync(Campaign, filter, skip, take);
            return (page.Total, string.Join(" ", page.Items.Select(c => c.Id)));
        }

        Assert.Equal((6, "f6 f5 f4 f3 f2 f1"), await ListAsync(CallFilter.None));
        Assert.Equal((4, "f5 f3 f2 f1"), await ListAsync(new CallFilter(Result: CallResult.Answered)));
        Assert.Equal((3, "f5 f2 f1"), await ListAsync(new CallFilter(Interest: Interest.Interested)));
        Assert.Equal((2, "f5 f1"), await ListAsync(new CallFilter(Result: CallResult.Answered, Interest: Interest.Interested, FollowUp: FollowUpKind.Callback)));
        Assert.Equal((2, "f6 f1"), await ListAsync(new CallFilter(CustomerIds: new HashSet<string> { "cust-f1", "cust-f6", "cust-nobody" })));
        Assert.Equal((1, "f1"), await ListAsync(new CallFilter(FollowUp: FollowUpKind.Callback, CustomerIds: new HashSet<string> { "cust-f1", "cust-f6" })));
        Assert.Equal((0, ""), await ListAsync(new CallFilter(CustomerIds: new HashSet<string>())));
        Assert.Equal((4, "f2 f1"), await ListAsync(new CallFilter(Result: CallResult.Answered), skip: 2, take: 2));
        Assert.Equal((0, ""), await ListAsync(new CallFilter(Result: CallResult.Failed)));
        Assert.Equal(0, (await Calls.ListAsync("other", new CallFilter(Result: CallResult.Answered), 0, 10)).Total);
    }

    [Fact]
    public async Task Usage_since_and_counts_by_result()
    {
        await Calls.SaveAsync(Call("a", 0, CallResult.Answered, talkSeconds: 120));
        await Calls.SaveAsync(Call("b", 60, CallResult.Answered, talkSeconds: 30));
        await Calls.SaveAsync(Call("c", 61, CallResult.Busy));
        await Calls.SaveAsync(Call("d", 0, null) with { StartedAt = null });

        var (calls, minutes) = await Calls.UsageSinceAsync(Campaign, Start.AddMinutes(60));
        Assert.Equal((2, 0.5), (calls, minutes));
        Assert.Equal(3, (await Calls.UsageSinceAsync(Campaign, Start)).Calls);
        Assert.Equal(2.5, (await Calls.UsageSinceAsync(Campaign, Start)).Minutes, 6);
        Assert.Equal(new Dictionary<string, int> { ["Answered"] = 2, ["Busy"] = 1 }, (await Calls.CountByResultAsync(Campaign)).OrderBy(r => r.Key).ToDictionary());
    }

    [Fact]
    public async Task Each_top_concern_keeps_up_to_three_things_callers_said_about_it()
    {
        string[] said = ["The lights flicker every night.", "My lights keep flickering.", "the lights flicker every night", "Flickering lights, again!"];
        for (var i = 0; i < said.Length; i++)
        {
            var call = Call("q" + i, i, CallResult.Answered, concerns: [i == 1 ? "Flickering lights" : "flickering lights", "price"]);
            await Calls.SaveAsync(call with
            {
                Outcome = call.Outcome! with { ConcernQuotes = [new ConcernQuote("flickering lights", said[i]), new ConcernQuote("price", "How much is it?")] },
            });
        }

        var stats = await Calls.OutcomeStatsAsync(Campaign);

        var lights = Assert.Single(stats.TopConcerns, c => c.Concern == "flickering lights");
        Assert.Equal(4, lights.Count);
        Assert.Equal(3, lights.Examples.Count);
        Assert.Equal(3, lights.Examples.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(lights.Examples, e => Assert.Contains(e, said));
        Assert.Equal(["How much is it?"], Assert.Single(stats.TopConcerns, c => c.Concern == "price").Examples);
    }

    [Fact]
    public async Task Outcome_statistics_count_segments_concerns_follow_ups_and_answer_rates()
    {
        CallRecord[] calls =
        [
            Call("1", 0, CallResult.Answered, "s1", Interest.Interested, ["Price ", "the prices", "  "], FollowUpKind.MoreInfo),
            Call("2", 1, CallResult.Answered, "s1", Interest.NotInterested, ["contract length"], FollowUpKind.LeaveAlone),
            Call("3", 2, CallResult.NoAnswer, "s1"),
            Call("4", 3, CallResult.Answered, "s2", Interest.Neutral, ["PRICE", "Contract length"], FollowUpKind.Callback, hour: 18, weekday: DayOfWeek.Sunday),
            Call("5", 4, CallResult.Answered, null, Interest.Unknown, ["noise", "price"], hour: 18, weekday: DayOfWeek.Sunday),
            Call("6", 5, CallResult.Busy, null, hour: 18, weekday: DayOfWeek.Sunday),
            Call("7", 6, CallResult.Voicemail, "s2", hour: null, weekday: null),
        ];
        foreach (var call in calls)
        {
            await Calls.SaveAsync(call);
        }

        var stats = await Calls.OutcomeStatsAsync(Campaign, topConcerns: 2);

        Assert.Equal(
            [
                new SegmentOutcome(null, 2, 1, 0, 0, 0, 1),
                new SegmentOutcome("s1", 3, 2, 1, 0, 1, 0),
                new SegmentOutcome("s2", 2, 1, 0, 1, 0, 0),
            ],
            stats.BySegment);
        Assert.Equal([("price", 3), ("contract length", 2)], stats.TopConcerns.Select(c => (c.Concern, c.Count)));
        Assert.All(stats.TopConcerns, c => Assert.Empty(c.Examples));
        Assert.Equal(new FollowUpCounts(1, 1, 1), stats.FollowUps);
        Assert.Equal(0.667, stats.AnswerRateByHourAndWeekday[0][9]!.Value, 6);
        Assert.Equal(3, stats.AttemptsByHourAndWeekday[0][9]);
        Assert.Equal(0.667, stats.AnswerRateByHourAndWeekday[6][18]!.Value, 6);
        Assert.Equal(3, stats.AttemptsByHourAndWeekday[6][18]);
        Assert.Equal(6, stats.AttemptsByHourAndWeekday.SelectMany(d => d).Sum());
        Assert.Null(stats.AnswerRateByHourAndWeekday[1][9]);
    }

    [Fact]
    public async Task Insight_calls_of_every_campaign_are_read_by_start_time_with_their_outcome_columns()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var inside = Call("in-" + tag, 0, CallResult.Answered, "seg-i", Interest.Interested, followUp: FollowUpKind.Callback, hour: 10, weekday: DayOfWeek.Tuesday);
        var optOut = Call("out-" + tag, 30, CallResult.Answered, interest: Interest.NotInterested);
        optOut = optOut with { CampaignId = "camp-2-" + tag, Outcome = optOut.Outcome! with { OptedOut = true } };
        var busy = Call("busy-" + tag, 59, CallResult.Busy, hour: null, weekday: null);
        var later = Call("late-" + tag, 60, CallResult.Answered);
        var never = Call("never-" + tag, 0, null) with { StartedAt = null };
        foreach (var call in new[] { inside, optOut, busy, later, never })
        {
            await Calls.SaveAsync(call);
        }

        var read = new List<Abstractions.Insights.InsightCall>();
        await foreach (var call in Calls.InsightCallsAsync(Start, Start.AddHours(1)))
        {
            if (call.CustomerId.EndsWith(tag, StringComparison.Ordinal))
            {
                read.Add(call);
            }
        }

        var byCustomer = read.ToDictionary(c => c.CustomerId);
        Assert.Equal(["cust-busy-" + tag, "cust-in-" + tag, "cust-out-" + tag], byCustomer.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            new Abstractions.Insights.InsightCall("cust-in-" + tag, "seg-i", Start, CallResult.Answered, Interest.Interested, FollowUpKind.Callback, false, 10, DayOfWeek.Tuesday),
            byCustomer["cust-in-" + tag]);
        Assert.True(byCustomer["cust-out-" + tag].OptedOut);
        Assert.Equal((CallResult.Busy, (int?)null, (DayOfWeek?)null, (Interest?)null), (byCustomer["cust-busy-" + tag].Result, byCustomer["cust-busy-" + tag].LocalHour, byCustomer["cust-busy-" + tag].Weekday, byCustomer["cust-busy-" + tag].Interest));

        var all = new List<string>();
        await foreach (var call in Calls.InsightCallsAsync(null, null))
        {
            if (call.CustomerId.EndsWith(tag, StringComparison.Ordinal))
            {
                all.Add(call.CustomerId);
            }
        }

        Assert.Equal(4, all.Count);
        Assert.DoesNotContain("cust-never-" + tag, all);
    }
}
