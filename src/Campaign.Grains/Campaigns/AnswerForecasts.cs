using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;

namespace Campaign.Grains.Campaigns;

/// <summary>
/// The chance of an answer learned timing estimated for each customer it queued, kept until their call ends and then
/// counted, with whether they answered, in the campaign's <see cref="AnswerForecastCheck"/>. A call queued before a
/// restart has no estimate here and is left out of both sides.
/// </summary>
public sealed class AnswerForecasts(CampaignRecord campaign)
{
    private readonly Dictionary<long, double> _expected = [];

    public void Expect(IReadOnlyDictionary<long, double> chances)
    {
        foreach (var (seq, chance) in chances)
        {
            _expected[seq] = chance;
        }
    }

    /// <summary>Counts an ended call queued with an estimate; false when there was none (nothing to save).</summary>
    public bool Count(CallReport report)
    {
        if (!_expected.Remove(report.Seq, out var chance))
        {
            return false;
        }

        campaign.State.AnswerForecast = (campaign.State.AnswerForecast ?? AnswerForecastCheck.None).Count(chance, report.Result == CallResult.Answered);
        return true;
    }

    /// <summary>Forgets the estimates of customers no longer queued (a pause or cancel).</summary>
    public void Clear() => _expected.Clear();
}
