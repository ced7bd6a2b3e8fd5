using Campaign.ConversationEval.Eval;
using Campaign.Tests.Support;

namespace Campaign.Tests.Conversation;

/// <summary>
/// The offline engine scored on the held-out parts, which nothing is tuned on: each figure must stay at or above the
/// floor it has reached (the floors only ever go up). Only counts are reported, never the held-out lines.
/// </summary>
public sealed class ConversationEvalTests(ConversationEvalTests.HeldOutRuns runs) : IClassFixture<ConversationEvalTests.HeldOutRuns>
{
    // The floors of each held-out part, raised to each figure reached. heldout: 168 dialogues, 18 opt-outs, 35 callback
    // times, 70 concerns. heldout2 (written 2026-12-08, scored as it came): 168 dialogues, 24 opt-outs, 25 callback
    // times, 107 concerns.
    private static readonly Dictionary<string, Floors> FloorsOf = new(StringComparer.Ordinal)
    {
        [EvalCorpus.HeldOut] = new(ExactCalls: 162, InterestRight: 165, FollowUpRight: 165, CallbackTimesRight: 34, ConcernsFound: 67, MostUnvoicedConcerns: 0, MostFalseOptOuts: 2),
        ["heldout2"] = new(ExactCalls: 118, InterestRight: 158, FollowUpRight: 161, CallbackTimesRight: 22, ConcernsFound: 63, MostUnvoicedConcerns: 18, MostFalseOptOuts: 0),
    };

    public static TheoryData<string> Parts => [.. FloorsOf.Keys];

    [Theory]
    [MemberData(nameof(Parts))]
    public void Every_held_out_opt_out_is_recorded_as_one(string part)
    {
        var score = runs.Of(part);

        Assert.True(score.OptOutLabelled > 0);
        Assert.Equal(score.OptOutLabelled, score.OptOutCaught);
    }

    [Theory]
    [MemberData(nameof(Parts))]
    public void Callers_who_did_not_opt_out_stay_callable_at_least_as_often_as_before(string part) =>
        AssertAtMost(part, FloorsOf[part].MostFalseOptOuts, runs.Of(part).OptOutRecorded - runs.Of(part).OptOutCaught, "false opt-outs");

    [Theory]
    [MemberData(nameof(Parts))]
    public void Whole_calls_are_recorded_right_at_least_as_often_as_before(string part) =>
        AssertAtLeast(part, FloorsOf[part].ExactCalls, runs.Of(part).Exact, "exact calls");

    [Theory]
    [MemberData(nameof(Parts))]
    public void Interest_is_recorded_right_at_least_as_often_as_before(string part) =>
        AssertAtLeast(part, FloorsOf[part].InterestRight, runs.Of(part).InterestRight, "interest");

    [Theory]
    [MemberData(nameof(Parts))]
    public void The_follow_up_is_recorded_right_at_least_as_often_as_before(string part) =>
        AssertAtLeast(part, FloorsOf[part].FollowUpRight, runs.Of(part).FollowUpRight, "follow-up");

    [Theory]
    [MemberData(nameof(Parts))]
    public void Callback_times_land_on_the_local_day_and_hour_the_caller_said_at_least_as_often_as_before(string part) =>
        AssertAtLeast(part, FloorsOf[part].CallbackTimesRight, runs.Of(part).CallbackRight, "callback times");

    [Theory]
    [MemberData(nameof(Parts))]
    public void Concerns_the_caller_voiced_are_found_and_few_are_invented(string part)
    {
        var score = runs.Of(part);

        AssertAtLeast(part, FloorsOf[part].ConcernsFound, score.ConcernsMatched, "concerns found");
        AssertAtMost(part, FloorsOf[part].MostUnvoicedConcerns, score.ConcernsRecorded - score.ConcernsMatched, "unvoiced concerns");
    }

    private void AssertAtLeast(string part, int floor, int reached, string what) =>
        Assert.True(reached >= floor, $"{part}, {what}: {reached}, below the floor of {floor}.\n{EvalReport.Write(part, runs.Of(part))}");

    private void AssertAtMost(string part, int ceiling, int reached, string what) =>
        Assert.True(reached <= ceiling, $"{part}, {what}: {reached}, above the ceiling of {ceiling}.\n{EvalReport.Write(part, runs.Of(part))}");

    private sealed record Floors(int ExactCalls, int InterestRight, int FollowUpRight, int CallbackTimesRight, int ConcernsFound, int MostUnvoicedConcerns, int MostFalseOptOuts);

    /// <summary>Each held-out part played once through the agent as the host registers it.</summary>
    public sealed class HeldOutRuns : IAsyncLifetime
    {
        private readonly Dictionary<string, EvalScore> _scores = new(StringComparer.Ordinal);

        public EvalScore Of(string part) => _scores[part];

        public async Task InitializeAsync()
        {
            foreach (var part in FloorsOf.Keys)
            {
                using var agent = new EvalAgent();
                var corpus = EvalCorpus.Load(EvalCorpus.PathOf(RepositoryPaths.Root, part));
                _scores[part] = EvalScore.Of(await agent.RunAsync(corpus));
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
