namespace Campaign.Abstractions.Insights;

/// <summary>
/// Learned timing held to account: over the calls it placed with an estimate, the answers it expected (the sum of each
/// call's estimated chance) against the answers that came.
/// </summary>
[GenerateSerializer, Immutable, Alias("Campaign.AnswerForecastCheck")]
public sealed record AnswerForecastCheck([property: Id(0)] int Calls, [property: Id(1)] double ExpectedAnswers, [property: Id(2)] int Answered)
{
    public static AnswerForecastCheck None { get; } = new(0, 0, 0);

    public AnswerForecastCheck Count(double chance, bool answered) => new(Calls + 1, ExpectedAnswers + chance, Answered + (answered ? 1 : 0));

    public double? ExpectedRate => Calls == 0 ? null : Math.Round(ExpectedAnswers / Calls, 4);

    public double? ActualRate => Calls == 0 ? null : Math.Round((double)Answered / Calls, 4);
}
