using Campaign.Abstractions.Customers;
using Campaign.Telephony.Simulator;

namespace Campaign.ExperimentBench;

/// <summary>
/// An experiment over the simulator's own virtual customers (seed by seed a different crowd), two openings: which one
/// they warm to is their hidden taste, not a rate given to the bench. Answered when the virtual customer picks up at
/// 18:00 on a Tuesday; interested when, having heard the opening, their disposition is interested.
/// </summary>
public sealed class SimulatorTrial(IReadOnlyList<string> openings, int audience)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);

    public ExperimentTrial.Outcome Run(int seed)
    {
        var random = new Random(seed);
        return ExperimentTrial.Run($"sim-{seed}", $"sim-{seed}-", openings.Count, audience, (id, variant) =>
        {
            var profile = new CustomerProfile(id, "Pat Doe", "+12125550100", "Riverside", null, "UTC", null, [], new Dictionary<string, string>(),
                [new CustomerIssue("electricity", Now.AddDays(-10), "power cuts at night")]);
            var person = VirtualCustomer.For(profile, seed, Now);
            var answered = person.Pickup(Now, random) == SimulatedPickup.Human;
            return (answered, answered && person.Hearing(openings[variant], seed, id).Disposition == Interest.Interested);
        });
    }
}
