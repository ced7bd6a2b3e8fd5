namespace Campaign.Abstractions.Experiments;

/// <summary>
/// What one variant's calls came to: customers assigned, calls placed, calls answered, the metric's successes, and the
/// guardrails (opt-outs, and answered calls the customer hung up on in the first turn).
/// </summary>
[GenerateSerializer, Alias("Campaign.VariantTally")]
public sealed record VariantTally(
    [property: Id(0)] string ScriptId,
    [property: Id(1)] int Customers = 0,
    [property: Id(2)] int Calls = 0,
    [property: Id(3)] int Answered = 0,
    [property: Id(4)] int Interested = 0,
    [property: Id(5)] int MoreInfo = 0,
    [property: Id(6)] int OptOuts = 0,
    [property: Id(7)] int EarlyHangUps = 0)
{
    /// <summary>The metric's successes and the trials they are out of.</summary>
    public (int Successes, int Trials) For(ExperimentMetric metric) => metric switch
    {
        ExperimentMetric.Answered => (Answered, Calls),
        ExperimentMetric.MoreInfo => (MoreInfo, Answered),
        _ => (Interested, Answered),
    };
}
