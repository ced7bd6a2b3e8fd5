using Campaign.Abstractions.Experiments;

namespace Campaign.ExperimentBench;

/// <summary>
/// One seeded experiment: customers are assigned as the dialler assigns them, answer with a fixed chance, and are
/// interested with their variant's true rate; the analysis looks after every <see cref="LookEvery"/> calls, as a
/// dashboard refreshing every minute would, and the trial ends at the first winner or when the audience is used up.
/// </summary>
public sealed class ExperimentTrial(IReadOnlyList<double> interestRates, double answerRate, int audience)
{
    public const int LookEvery = 10;

    public sealed record Outcome(string? Winner, int CallsToDecision, IReadOnlyDictionary<string, string> Stopped);

    public Outcome Run(int seed)
    {
        var random = new Random(seed);
        var experiment = new ExperimentDefinition(
            interestRates.Select((_, i) => new ExperimentVariant($"script-{i}", $"Variant {(char)('A' + i)}")).ToList());
        var tallies = experiment.Variants.ToDictionary(v => v.ScriptId, v => new VariantTally(v.ScriptId));
        var state = ExperimentState.Open;
        var campaign = $"trial-{seed}";
        for (var call = 1; call <= audience; call++)
        {
            var scriptId = VariantAssignment.Of(campaign, $"customer-{call}", experiment.Variants, state.Stopped.Keys.ToList());
            var index = experiment.Variants.ToList().FindIndex(v => v.ScriptId == scriptId);
            var answered = random.NextDouble() < answerRate;
            var interested = answered && random.NextDouble() < interestRates[index];
            var t = tallies[scriptId];
            tallies[scriptId] = t with
            {
                Customers = t.Customers + 1,
                Calls = t.Calls + 1,
                Answered = t.Answered + (answered ? 1 : 0),
                Interested = t.Interested + (interested ? 1 : 0),
            };
            if (call % LookEvery == 0)
            {
                state = ExperimentAnalysis.Decide(experiment, tallies.Values.ToList(), state, DateTimeOffset.UnixEpoch.AddMinutes(call));
                if (state.Winner is not null)
                {
                    return new Outcome(state.Winner, call, state.Stopped);
                }
            }
        }

        return new Outcome(null, audience, state.Stopped);
    }
}
