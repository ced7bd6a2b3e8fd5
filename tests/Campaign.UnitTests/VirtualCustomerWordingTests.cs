using Campaign.Abstractions.Customers;
using Campaign.Telephony.Simulator;

namespace Campaign.UnitTests;

/// <summary>The simulator's hidden reaction to a script's opening, against which script experiments are measured.</summary>
public class VirtualCustomerWordingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<VirtualCustomer> People(int count) => Enumerable.Range(0, count)
        .Select(i => VirtualCustomer.For(new CustomerProfile($"vc-{i}", "Pat", "+12125550100", "Riverside", null, null, null, [], new Dictionary<string, string>(),
            [new CustomerIssue("electricity", Now.AddDays(-5), "power cuts at night")]), seed: 7, Now))
        .ToList();

    private static int Interested(IEnumerable<VirtualCustomer> people, string opening) =>
        people.Select((p, i) => p.Hearing(opening, 7, $"vc-{i}")).Count(p => p.Disposition == Interest.Interested);

    [Fact]
    public void More_people_are_interested_when_the_opening_names_their_problem_and_fewer_when_it_rambles()
    {
        var people = People(2_000);
        const string Generic = "Hello, this is Alex from City Power with a quick call about your service.";
        const string Personal = "Hello, this is Alex from City Power. You told us about power cuts at night; we have fixed the line.";
        var rambling = Generic + " " + string.Join(' ', Enumerable.Repeat("We value every customer and we are always working to improve.", 4));

        var generic = Interested(people, Generic);
        var personal = Interested(people, Personal);
        var rambled = Interested(people, rambling);

        Assert.True(personal > generic * 1.2, $"personal {personal}, generic {generic}");
        Assert.True(rambled < generic * 0.9, $"long {rambled}, generic {generic}");
        Assert.Equal(generic, people.Count(p => p.Disposition == Interest.Interested)); // a plain opening moves nobody
    }

    [Fact]
    public void The_same_person_hearing_the_same_opening_always_reacts_the_same_way()
    {
        var people = People(200);
        const string Opening = "Hi, it's Alex about the power cuts at night in your street.";

        var once = people.Select((p, i) => p.Hearing(Opening, 7, $"vc-{i}").Disposition).ToList();
        var again = People(200).Select((p, i) => p.Hearing(Opening, 7, $"vc-{i}").Disposition).ToList();

        Assert.Equal(once, again);
    }
}
