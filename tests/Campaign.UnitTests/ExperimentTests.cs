using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Experiments;

namespace Campaign.UnitTests;

public class ExperimentTests
{
    private static readonly ExperimentDefinition Two = new([new("script-a", "A"), new("script-b", "B")]);

    /// <summary>Runs customers through an experiment, looking every ten calls; returns the state at the first winner or at the end.</summary>
    private static (ExperimentState State, int Calls) Simulate(ExperimentDefinition experiment, IReadOnlyList<double> interest, int seed, int audience)
    {
        var random = new Random(seed);
        var tallies = experiment.Variants.ToDictionary(v => v.ScriptId, v => new VariantTally(v.ScriptId));
        var state = ExperimentState.Open;
        for (var call = 1; call <= audience; call++)
        {
            var scriptId = VariantAssignment.Of($"c{seed}", $"k{call}", experiment.Variants, state.Stopped.Keys.ToList());
            var index = experiment.Variants.ToList().FindIndex(v => v.ScriptId == scriptId);
            var t = tallies[scriptId];
            tallies[scriptId] = t with { Customers = t.Customers + 1, Calls = t.Calls + 1, Answered = t.Answered + 1, Interested = t.Interested + (random.NextDouble() < interest[index] ? 1 : 0) };
            if (call % 10 == 0)
            {
                state = ExperimentAnalysis.Decide(experiment, tallies.Values.ToList(), state, DateTimeOffset.UnixEpoch.AddMinutes(call));
                if (state.Winner is not null)
                {
                    return (state, call);
                }
            }
        }

        return (state, audience);
    }

    [Fact]
    public void Equal_variants_looked_at_every_ten_calls_rarely_produce_a_winner()
    {
        var falseWinners = Enumerable.Range(0, 300).Count(seed => Simulate(Two, [0.3, 0.3], seed, 2_000).State.Winner is not null);

        Assert.InRange(falseWinners, 0, 15); // at most 5% of 300
    }

    [Fact]
    public void A_clearly_better_variant_wins_and_the_other_stops_taking_customers()
    {
        var wins = Enumerable.Range(0, 20).Select(seed => Simulate(Two, [0.20, 0.40], seed, 3_000).State).ToList();

        Assert.All(wins, state =>
        {
            Assert.Equal("script-b", state.Winner);
            Assert.Equal(ExperimentState.Lost, state.Stopped["script-a"]);
            Assert.NotNull(state.DecidedAt);
        });
    }

    [Fact]
    public void Without_auto_promotion_the_winner_is_reported_but_every_variant_keeps_taking_customers()
    {
        var (state, _) = Simulate(Two with { AutoPromote = false }, [0.20, 0.40], seed: 3, 3_000);

        Assert.Equal("script-b", state.Winner);
        Assert.Empty(state.Stopped);
    }

    [Fact]
    public void A_decision_once_made_stands_when_later_results_even_out()
    {
        var decided = new ExperimentState(new Dictionary<string, string> { ["script-a"] = ExperimentState.Lost }, "script-b", DateTimeOffset.UnixEpoch);
        var even = new[] { new VariantTally("script-a", 500, 500, 500, 100), new VariantTally("script-b", 500, 500, 500, 100) };

        var state = ExperimentAnalysis.Decide(Two, even, decided, DateTimeOffset.UnixEpoch.AddDays(1));

        Assert.Equal(("script-b", DateTimeOffset.UnixEpoch), (state.Winner, state.DecidedAt));
        Assert.Equal(ExperimentState.Lost, state.Stopped["script-a"]);
    }

    [Fact]
    public void A_variant_that_makes_customers_opt_out_stops_even_while_it_leads_on_interest()
    {
        var tallies = new[]
        {
            new VariantTally("script-a", 400, 400, 400, Interested: 120, OptOuts: 60),
            new VariantTally("script-b", 400, 400, 400, Interested: 100, OptOuts: 4),
        };

        var state = ExperimentAnalysis.Decide(Two, tallies, ExperimentState.Open, DateTimeOffset.UnixEpoch);

        Assert.Equal(ExperimentState.OptOutGuardrail, state.Stopped["script-a"]);
        Assert.False(state.Stopped.ContainsKey("script-b"));
    }

    [Fact]
    public void The_last_open_variant_never_stops()
    {
        var tallies = new[]
        {
            new VariantTally("script-a", 400, 400, 400, OptOuts: 60, EarlyHangUps: 100),
            new VariantTally("script-b", 400, 400, 400, OptOuts: 4),
        };
        var bStopped = new ExperimentState(new Dictionary<string, string> { ["script-b"] = ExperimentState.HangUpGuardrail });

        var state = ExperimentAnalysis.Decide(Two, tallies, bStopped, DateTimeOffset.UnixEpoch);

        Assert.False(state.Stopped.ContainsKey("script-a"));
    }

    [Fact]
    public void Too_few_calls_are_no_evidence_however_lopsided()
    {
        var tallies = new[] { new VariantTally("script-a", 10, 10, 10, Interested: 0), new VariantTally("script-b", 10, 10, 10, Interested: 10) };

        var state = ExperimentAnalysis.Decide(Two, tallies, ExperimentState.Open, DateTimeOffset.UnixEpoch);

        Assert.Null(state.Winner);
        Assert.Empty(state.Stopped);
    }

    [Fact]
    public void Customers_are_split_evenly_and_keep_their_variant_when_another_variant_stops()
    {
        var three = new List<ExperimentVariant> { new("a", "A"), new("b", "B"), new("c", "C") };
        var customers = Enumerable.Range(0, 3_000).Select(i => $"cust-{i}").ToList();

        var before = customers.ToDictionary(c => c, c => VariantAssignment.Of("cmp-1", c, three, []));
        var after = customers.ToDictionary(c => c, c => VariantAssignment.Of("cmp-1", c, three, ["c"]));

        Assert.All(before.GroupBy(p => p.Value), g => Assert.InRange(g.Count(), 900, 1100));
        Assert.All(customers.Where(c => before[c] != "c"), c => Assert.Equal(before[c], after[c]));
        Assert.DoesNotContain("c", after.Values);
        Assert.Equal(before, customers.ToDictionary(c => c, c => VariantAssignment.Of("cmp-1", c, three, [])));
    }

    [Fact]
    public void The_chance_of_being_best_is_even_for_equal_results_and_near_certain_for_a_clear_leader()
    {
        var even = ProbabilityBest.Of([(50, 200), (50, 200)]);
        var clear = ProbabilityBest.Of([(40, 400), (120, 400), (45, 400)]);

        Assert.All(even, p => Assert.InRange(p, 0.48, 0.52));
        Assert.InRange(clear[1], 0.999, 1.0);
        Assert.InRange(clear.Sum(), 0.999, 1.001);
    }

    [Fact]
    public void The_report_shows_each_variants_rate_with_its_interval_and_why_it_stopped()
    {
        var tallies = new[] { new VariantTally("script-a", 100, 120, 100, Interested: 20), new VariantTally("script-b", 100, 110, 100, Interested: 45) };
        var state = new ExperimentState(new Dictionary<string, string> { ["script-a"] = ExperimentState.Lost }, "script-b", DateTimeOffset.UnixEpoch);

        var report = ExperimentReport.Of(Two, tallies, state);

        var a = report.Variants[0];
        Assert.Equal(("A", 100, 120, 20, 100), (a.Name, a.Customers, a.Calls, a.Successes, a.Trials));
        Assert.Equal(0.2, a.Rate.Value);
        Assert.True(a.Rate.Low < 0.2 && a.Rate.High > 0.2);
        Assert.Equal((true, "lost"), (a.Stopped, a.StopReason));
        Assert.False(report.Variants[1].Stopped);
        Assert.Equal("script-b", report.Winner);
    }

    private static CallRecord Answered(params (Speaker Speaker, string Text)[] lines) => new(
        "call-1", "cmp-1", "cust-1", null, 1, CallStatus.Ended, CallResult.Answered, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        lines.Select(l => new TranscriptLine(l.Speaker, l.Text, DateTimeOffset.UnixEpoch)).ToList(), null, null);

    [Fact]
    public void A_customer_gone_before_the_agent_could_answer_them_hung_up_early_and_one_who_talked_did_not()
    {
        Assert.True(CallReport.IsEarlyHangUp(Answered((Speaker.Agent, "Hello, this is Alex."))));
        Assert.True(CallReport.IsEarlyHangUp(Answered((Speaker.Agent, "Hello, this is Alex."), (Speaker.Customer, "Not interested."))));
        Assert.False(CallReport.IsEarlyHangUp(Answered((Speaker.Agent, "Hello."), (Speaker.Customer, "Who is it?"), (Speaker.Agent, "Alex from City Power."), (Speaker.Customer, "Go on."))));
        Assert.False(CallReport.IsEarlyHangUp(Answered((Speaker.Agent, "Hello."), (Speaker.Customer, "No thanks."), (Speaker.Agent, "Thank you, goodbye."))));
        Assert.False(CallReport.IsEarlyHangUp(Answered() with { Result = CallResult.NoAnswer }));
    }

    [Fact]
    public void An_answered_call_counts_toward_its_variants_metric_and_guardrails_and_a_retry_is_not_a_new_customer()
    {
        var outcome = new CallOutcome(Interest.Interested, [], new FollowUp(FollowUpKind.MoreInfo, null), "", false, 10, DayOfWeek.Monday);
        var first = new CallReport("c-1", 1, 1, CallResult.NoAnswer, null, ScriptId: "a");
        var second = new CallReport("c-2", 1, 2, CallResult.Answered, outcome, ScriptId: "a");
        var optOut = new CallReport("c-3", 2, 1, CallResult.Answered, outcome with { Interest = Interest.NotInterested, OptedOut = true, FollowUp = new FollowUp(FollowUpKind.LeaveAlone, null) }, ScriptId: "a", EarlyHangUp: false);
        var gone = new CallReport("c-4", 3, 1, CallResult.Answered, outcome with { Interest = Interest.Unknown, FollowUp = new FollowUp(FollowUpKind.None, null) }, ScriptId: "a", EarlyHangUp: true);

        var tally = new[] { first, second, optOut, gone }.Aggregate(new VariantTally("a"), VariantTallies.Count);

        Assert.Equal(new VariantTally("a", Customers: 3, Calls: 4, Answered: 3, Interested: 1, MoreInfo: 1, OptOuts: 1, EarlyHangUps: 1), tally);
        Assert.Equal((1, 3), tally.For(ExperimentMetric.Interest));
        Assert.Equal((3, 4), tally.For(ExperimentMetric.Answered));
    }

    [Fact]
    public void A_customer_keeps_the_script_they_heard_first_even_after_it_stops_taking_new_customers()
    {
        var stoppedA = new ExperimentState(new Dictionary<string, string> { ["script-a"] = ExperimentState.Lost }, "script-b", DateTimeOffset.UnixEpoch);

        Assert.Equal("script-a", ExperimentScripts.For("cmp-1", "cust-1", Two, stoppedA, heardBefore: "script-a"));
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal("script-b", ExperimentScripts.For("cmp-1", $"new-{i}", Two, stoppedA, heardBefore: null)));
        Assert.Equal("script-b", ExperimentScripts.For("cmp-1", "cust-2", Two, stoppedA, heardBefore: "script-no-longer-in-the-experiment"));
    }
}
