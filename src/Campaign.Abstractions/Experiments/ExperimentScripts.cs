namespace Campaign.Abstractions.Experiments;

/// <summary>The script of an experiment's call: the variant the customer heard before, or a new assignment.</summary>
public static class ExperimentScripts
{
    /// <summary>
    /// The variant for a customer's call. <paramref name="heardBefore"/> is the script of their previous call in the
    /// campaign (a retry or a callback): they keep it, even when it has since stopped taking new customers.
    /// </summary>
    public static string For(string campaignId, string customerId, ExperimentDefinition experiment, ExperimentState state, string? heardBefore) =>
        heardBefore is not null && experiment.Variants.Any(v => v.ScriptId == heardBefore)
            ? heardBefore
            : VariantAssignment.Of(campaignId, customerId, experiment.Variants, state.Stopped.Keys.ToList());
}
