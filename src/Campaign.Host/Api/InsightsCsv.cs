using System.Globalization;
using System.Text;
using Campaign.Abstractions.Insights;
using Campaign.Host.Ui;

namespace Campaign.Host.Api;

/// <summary>Insights as CSV: the ranked groups, one row each, and the weekday × hour answer rates, one row a cell.</summary>
internal static class InsightsCsv
{
    private static readonly string[] SegmentHeader =
    [
        "rank", "kind", "key", "name", "calls", "answered", "answerRate", "answerRateLow", "answerRateHigh",
        "interested", "interestRate", "interestRateLow", "interestRateHigh", "followUps", "followUpRate", "followUpRateLow", "followUpRateHigh",
        "optedOut", "optOutRate", "optOutRateLow", "optOutRateHigh",
    ];

    private static readonly string[] TimingHeader = ["weekday", "hour", "calls", "answerRate", "answerRateLow", "answerRateHigh"];

    public static string Segments(IReadOnlyList<SegmentInsight> items)
    {
        var csv = new StringBuilder();
        CsvText.AppendRow(csv, SegmentHeader);
        for (var i = 0; i < items.Count; i++)
        {
            var r = items[i];
            CsvText.AppendRow(csv,
            [
                Int(i + 1), InsightsQueries.JsonName(r.Group.Kind), r.Group.Key, r.Group.Name, Int(r.Calls), Int(r.Answered), .. Rate(r.AnswerRate),
                Int(r.Interested), .. Rate(r.InterestRate), Int(r.FollowUps), .. Rate(r.FollowUpRate), Int(r.OptedOut), .. Rate(r.OptOutRate),
            ]);
        }

        return csv.ToString();
    }

    public static string Timing(IReadOnlyList<IReadOnlyList<TimingCell>> grid)
    {
        var csv = new StringBuilder();
        CsvText.AppendRow(csv, TimingHeader);
        for (var d = 0; d < grid.Count; d++)
        {
            for (var h = 0; h < grid[d].Count; h++)
            {
                var cell = grid[d][h];
                CsvText.AppendRow(csv, [Charts.Weekdays[d], Int(h), Int(cell.Calls), .. Rate(new RateInterval(cell.Value, cell.Low, cell.High))]);
            }
        }

        return csv.ToString();
    }

    private static string[] Rate(RateInterval rate) => rate.Value is { } value ? [Num(value), Num(rate.Low), Num(rate.High)] : ["", "", ""];

    private static string Num(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
