using Campaign.ConversationEval.Eval;
using Campaign.Tests.Support;

namespace Campaign.Tests.Conversation;

/// <summary>
/// The offline engine scored on the held-out dialogues, which nothing is tuned on: each figure must stay at or above
/// the floor it has reached (the floors only ever go up). Only counts are reported, never the held-out lines.
/// </summary>
public sealed class ConversationEvalTests(ConversationEvalTests.HeldOutRun run) : IClassFixture<ConversationEvalTests.HeldOutRun>
{
    // The held-out floors, raised to each figure reached (168 dialogues, 18 opt-outs, 35 callback times, 70 concerns).
    private const int ExactCalls = 162;
    private const int InterestRight = 165;
    private const int FollowUpRight = 165;
    private const int CallbackTimesRight = 34;
    private const int ConcernsFound = 67;
    private const int MostUnvoicedConcerns = 0;
    private const int MostFalseOptOuts = 2;

    private EvalScore Score => run.Score;

    [Fact]
    public void Every_held_out_opt_out_is_recorded_as_one()
    {
        Assert.True(Score.OptOutLabelled > 0);
        Assert.Equal(Score.OptOutLabelled, Score.OptOutCaught);
    }

    [Fact]
    public void Callers_who_did_not_opt_out_stay_callable_at_least_as_often_as_before() =>
        AssertAtMost(MostFalseOptOuts, Score.OptOutRecorded - Score.OptOutCaught, "false opt-outs");

    [Fact]
    public void Whole_calls_are_recorded_right_at_least_as_often_as_before() => AssertAtLeast(ExactCalls, Score.Exact, "exact calls");

    [Fact]
    public void Interest_is_recorded_right_at_least_as_often_as_before() => AssertAtLeast(InterestRight, Score.InterestRight, "interest");

    [Fact]
    public void The_follow_up_is_recorded_right_at_least_as_often_as_before() => AssertAtLeast(FollowUpRight, Score.FollowUpRight, "follow-up");

    [Fact]
    public void Callback_times_land_on_the_local_day_and_hour_the_caller_said_at_least_as_often_as_before() =>
        AssertAtLeast(CallbackTimesRight, Score.CallbackRight, "callback times");

    [Fact]
    public void Concerns_the_caller_voiced_are_found_and_few_are_invented()
    {
        AssertAtLeast(ConcernsFound, Score.ConcernsMatched, "concerns found");
        AssertAtMost(MostUnvoicedConcerns, Score.ConcernsRecorded - Score.ConcernsMatched, "unvoiced concerns");
    }

    private void AssertAtLeast(int floor, int reached, string what) =>
        Assert.True(reached >= floor, $"{what}: {reached}, below the floor of {floor}.\n{EvalReport.Write("held-out", Score)}");

    private void AssertAtMost(int ceiling, int reached, string what) =>
        Assert.True(reached <= ceiling, $"{what}: {reached}, above the ceiling of {ceiling}.\n{EvalReport.Write("held-out", Score)}");

    /// <summary>The held-out part played once through the agent as the host registers it.</summary>
    public sealed class HeldOutRun : IAsyncLifetime
    {
        public EvalScore Score { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var corpus = EvalCorpus.Load(EvalCorpus.PathOf(RepositoryPaths.Root, EvalCorpus.HeldOut));
            using var agent = new EvalAgent();
            Score = EvalScore.Of(await agent.RunAsync(corpus));
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
