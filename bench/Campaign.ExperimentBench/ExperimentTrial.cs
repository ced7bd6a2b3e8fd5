using Campaign.Abstractions.Experiments;

namespace Campaign.ExperimentBench;

/// <summary>
/// One seeded experiment: customers are assigned as the dialler assigns them and called one by one; the analysis looks
/// after every <see cref="LookEvery"/> calls, as a dashboard refreshing every minute would, and the trial ends at the
/// first winner or when the audience is used up.
/// </summary>
public static class ExperimentTrial
{
    public const int LookEvery = 10;

    public sealed record Outcome(string? Winner, int CallsToDecision, IReadOnlyDictionary<string, string> Stopped);

    /// <param name="callee">How a call to a customer (by id) hearing a variant (by index) goes.</param>
    public static Outcome Run(string campaign, string customerPrefix, int variants, int audience, Func<string, int, (bool Answered, bool Interested)> callee)
    {
        var experiment = new ExperimentDefinition(
            Enumerable.Range(0, variants).Select(i => new ExperimentVariant($"script-{i}", $"Variant {(char)('A' + i)}")).ToList());
        var tallies = experiment.Variants.ToDictionary(v => v.ScriptId, v => new VariantTally(v.ScriptId));
        var state = ExperimentState.Open;
        for (var call = 1; call <= audience; call++)
        {
            var customerId = $"{customerPrefix}{call}";
            var scriptId = VariantAssignment.Of(campaign, customerId, experiment.Variants, state.Stopped.Keys.ToList());
            var (answered, interested) = callee(customerId, experiment.Variants.ToList().FindIndex(v => v.ScriptId == scriptId));
            var t = tallies[scriptId];
            tallies[scriptId] = t with
            {
                Customers = t.Customers + 1,
                Calls = t.Calls + 1,
                Answered = t.Answered + (answered ? 1 : 0),
                Interested = t.Interested + (answered && interested ? 1 : 0),
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

/// <summary>Customers who answer with a fixed chance and are interested at their variant's true rate.</summary>
public sealed class RatesTrial(IReadOnlyList<double> interestRates, double answerRate, int audience)
{
    public ExperimentTrial.Outcome Run(int seed)
    {
        var random = new Random(seed);
        return ExperimentTrial.Run($"trial-{seed}", "customer-", interestRates.Count, audience, (_, variant) =>
        {
            var answered = random.NextDouble() < answerRate;
            return (answered, answered && random.NextDouble() < interestRates[variant]);
        });
    }
}
