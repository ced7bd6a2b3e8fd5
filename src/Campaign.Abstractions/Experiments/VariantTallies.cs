using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;

namespace Campaign.Abstractions.Experiments;

/// <summary>How an ended call counts toward its variant's tally.</summary>
public static class VariantTallies
{
    /// <summary>The tally with <paramref name="report"/> counted; a customer is counted at their first attempt.</summary>
    public static VariantTally Count(VariantTally tally, CallReport report)
    {
        var answered = report.Result == CallResult.Answered;
        var outcome = answered ? report.Outcome : null;
        return tally with
        {
            Customers = tally.Customers + (report.Attempt == 1 ? 1 : 0),
            Calls = tally.Calls + 1,
            Answered = tally.Answered + (answered ? 1 : 0),
            Interested = tally.Interested + (outcome?.Interest == Interest.Interested ? 1 : 0),
            MoreInfo = tally.MoreInfo + (outcome?.FollowUp.Kind == FollowUpKind.MoreInfo ? 1 : 0),
            OptOuts = tally.OptOuts + (outcome?.OptedOut == true ? 1 : 0),
            EarlyHangUps = tally.EarlyHangUps + (answered && report.EarlyHangUp ? 1 : 0),
        };
    }
}
