using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Compliance;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Grains.Customers;

namespace Campaign.UnitTests;

/// <summary>
/// The customer's live call, claimed and freed in memory, and recovered by a new activation from the dial decisions
/// and the contact history alone.
/// </summary>
public sealed class LiveCallClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(11.5);
    private readonly List<DialDecision> _decisions = []; // oldest first, as appended
    private readonly List<ContactAttempt> _history = [];
    private int _decisionReads;

    [Fact]
    public async Task A_claim_holds_the_customer_until_its_call_ends_or_its_hold_is_over()
    {
        var claim = New();
        claim.Claim("c1", Now.AddMinutes(7));

        Assert.Equal(("c1", Now.AddMinutes(7)), await claim.CurrentAsync(Now));
        Assert.Null(await claim.CurrentAsync(Now.AddMinutes(7)));
        claim.Release("c2"); // another call's end frees nothing
        Assert.NotNull(await claim.CurrentAsync(Now));
        claim.Release("c1");
        Assert.Null(await claim.CurrentAsync(Now));
        Assert.Equal(0, _decisionReads);
    }

    [Fact]
    public async Task A_new_activation_finds_the_call_a_decision_dialled_live_until_its_hold_is_over()
    {
        Decide(Now.AddMinutes(-2), "c1");
        Decide(Now.AddMinutes(-1), null); // another campaign held back meanwhile: the customer was busy

        var claim = New();

        Assert.Equal(("c1", Now.AddMinutes(-2) + Hold), await claim.CurrentAsync(Now));
        Assert.Null(await claim.CurrentAsync(Now.AddMinutes(-2) + Hold));
        Assert.Equal(1, _decisionReads);
    }

    [Fact]
    public async Task A_new_activation_finds_no_live_call_when_the_last_one_ended_or_is_older_than_any_hold()
    {
        Decide(Now.AddMinutes(-3), "c1");
        _history.Add(new ContactAttempt("cmp", "c1", Now.AddMinutes(-3), CallResult.Answered, null, null));
        Assert.Null(await New().CurrentAsync(Now));

        _decisions.Clear();
        Decide(Now - Hold - TimeSpan.FromSeconds(1), "c0");
        Assert.Null(await New().CurrentAsync(Now));
    }

    [Fact]
    public async Task Decisions_are_read_page_by_page_until_one_that_dialled()
    {
        Decide(Now.AddMinutes(-5), "c1");
        for (var i = 0; i < 45; i++)
        {
            Decide(Now.AddMinutes(-4), null);
        }

        Assert.Equal("c1", (await New().CurrentAsync(Now))?.CallId);
        Assert.Equal(3, _decisionReads);
    }

    private LiveCallClaim New() => new(ReadAsync, () => Task.FromResult<IReadOnlyList<ContactAttempt>>(_history), Hold);

    private Task<DecisionPage> ReadAsync(int skip, int take)
    {
        _decisionReads++;
        var newestFirst = Enumerable.Reverse(_decisions).ToList();
        return Task.FromResult(new DecisionPage(newestFirst.Count, newestFirst.Skip(skip).Take(take).ToList()));
    }

    private void Decide(DateTimeOffset at, string? callId) =>
        _decisions.Add(new DialDecision(at, "cmp", "cus", callId, callId is null ? DialDecisionKind.Wait : DialDecisionKind.Call, [], null, null, null));
}
