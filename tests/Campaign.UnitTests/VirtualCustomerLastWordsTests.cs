using Campaign.Abstractions.Customers;
using Campaign.Telephony.Simulator;

namespace Campaign.UnitTests;

/// <summary>What the simulator's virtual customers say while the line stays open after the agent's goodbye.</summary>
public class VirtualCustomerLastWordsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<VirtualCustomer> People(int count, int seed = 7, double callbackShare = VirtualCustomer.DefaultCallbackShare) => Enumerable.Range(0, count)
        .Select(i => VirtualCustomer.For(new CustomerProfile($"vc-{i}", "Pat", "+12125550100", "Riverside", null, null, null, [], new Dictionary<string, string>(),
            [new CustomerIssue("electricity", null, "power cuts at night")]), seed, Now, callbackShare))
        .ToList();

    [Fact]
    public void The_same_seed_and_customer_always_give_the_same_last_words_and_another_seed_other_people()
    {
        var once = People(500).Select(p => p.LastWords).ToList();
        var again = People(500).Select(p => p.LastWords).ToList();
        var otherSeed = People(500, seed: 8).Select(p => p.LastWords).ToList();

        Assert.Equal(once, again);
        Assert.NotEqual(once, otherSeed);
    }

    [Fact]
    public void Most_people_say_nothing_or_a_courtesy_and_a_tenth_of_those_not_interested_ask_not_to_be_called_again()
    {
        var people = People(20_000);
        var askLate = people.Where(p => p.LastWords is LastWordsHabit.AskNotToCall or LastWordsHabit.GrumbleAboutCalls).ToList();
        var notInterested = people.Where(p => p.Disposition == Interest.NotInterested && !p.WantsCallback && !p.OptsOut).ToList();
        var others = people.Where(p => p.Disposition != Interest.NotInterested && !p.OptsOut).ToList();

        Assert.All(askLate, p => Assert.Equal(Interest.NotInterested, p.Disposition));
        var shareOfNotInterested = (double)askLate.Count / notInterested.Count;
        Assert.InRange(shareOfNotInterested, 0.08, 0.12);
        Assert.InRange((double)askLate.Count / people.Count, 0.02, 0.05);
        Assert.Contains(askLate, p => p.LastWords == LastWordsHabit.AskNotToCall);
        Assert.Contains(askLate, p => p.LastWords == LastWordsHabit.GrumbleAboutCalls);
        Assert.InRange((double)others.Count(p => p.LastWords == LastWordsHabit.Courtesy) / others.Count, 0.36, 0.44);
    }

    [Fact]
    public void People_who_opted_out_during_the_call_or_wait_for_a_callback_do_not_ask_late()
    {
        var people = People(5_000, callbackShare: 0.5);

        var optedOut = people.Where(p => p.OptsOut).ToList();
        Assert.True(optedOut.Count > 100, $"{optedOut.Count} people opt out");
        Assert.All(optedOut, p => Assert.Equal(LastWordsHabit.Nothing, p.LastWords));
        Assert.DoesNotContain(people, p => p.WantsCallback && p.LastWords is LastWordsHabit.AskNotToCall or LastWordsHabit.GrumbleAboutCalls);
    }

    [Fact]
    public void Someone_the_opening_wins_over_says_a_courtesy_instead_of_asking_not_to_be_called()
    {
        const string Opening = "Hi, it's Alex about the power cuts at night in your street.";
        var askLate = People(20_000).Select((p, i) => (Before: p, After: p.Hearing(Opening, 7, $"vc-{i}")))
            .Where(p => p.Before.LastWords is LastWordsHabit.AskNotToCall or LastWordsHabit.GrumbleAboutCalls)
            .ToList();

        var wonOver = askLate.Where(p => p.After.Disposition != Interest.NotInterested).ToList();
        var stillNot = askLate.Where(p => p.After.Disposition == Interest.NotInterested).ToList();
        Assert.NotEmpty(wonOver);
        Assert.NotEmpty(stillNot);
        Assert.All(wonOver, p => Assert.Equal(LastWordsHabit.Courtesy, p.After.LastWords));
        Assert.All(stillNot, p => Assert.Equal(p.Before.LastWords, p.After.LastWords));
    }
}
