using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Experiments;
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
        var experiment = new ExperimentDefinition(openings.Select((_, i) => new ExperimentVariant($"script-{i}", $"Opening {i + 1}")).ToList());
        var tallies = experiment.Variants.ToDictionary(v => v.ScriptId, v => new VariantTally(v.ScriptId));
        var state = ExperimentState.Open;
        var random = new Random(seed);
        for (var call = 1; call <= audience; call++)
        {
            var id = $"sim-{seed}-{call}";
            var profile = new CustomerProfile(id, "Pat Doe", "+12125550100", "Riverside", null, "UTC", null, [], new Dictionary<string, string>(),
                [new CustomerIssue("electricity", Now.AddDays(-10), "power cuts at night")]);
            var person = VirtualCustomer.For(profile, seed, Now);
            var scriptId = VariantAssignment.Of($"sim-{seed}", id, experiment.Variants, state.Stopped.Keys.ToList());
            var opening = openings[experiment.Variants.ToList().FindIndex(v => v.ScriptId == scriptId)];
            var answered = person.Pickup(Now, random) == SimulatedPickup.Human;
            var interested = answered && person.Hearing(opening, seed, id).Disposition == Interest.Interested;
            var t = tallies[scriptId];
            tallies[scriptId] = t with
            {
                Customers = t.Customers + 1,
                Calls = t.Calls + 1,
                Answered = t.Answered + (answered ? 1 : 0),
                Interested = t.Interested + (interested ? 1 : 0),
            };
            if (call % ExperimentTrial.LookEvery == 0)
            {
                state = ExperimentAnalysis.Decide(experiment, tallies.Values.ToList(), state, Now);
                if (state.Winner is not null)
                {
                    return new ExperimentTrial.Outcome(state.Winner, call, state.Stopped);
                }
            }
        }

        return new ExperimentTrial.Outcome(null, audience, state.Stopped);
    }
}
