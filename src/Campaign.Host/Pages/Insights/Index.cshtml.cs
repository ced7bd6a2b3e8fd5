using Campaign.Abstractions.Insights;
using Campaign.Host.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaign.Host.Pages.Insights;

/// <summary>Insights across campaigns: the ranked groups as a chart and a table, and one group's weekday × hour answer rates.</summary>
public sealed class InsightsModel(InsightsQueries insights) : PageModel
{
    /// <summary>How many groups the chart shows; the table lists them all.</summary>
    public const int ChartRows = 15;

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "segment")]
    public string? Segment { get; set; }

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public int Calls { get; private set; }

    public IReadOnlyList<SegmentInsight> Items { get; private set; } = [];

    public InsightGroup? TimingGroup { get; private set; }

    public IReadOnlyList<IReadOnlyList<TimingCell>>? Timing { get; private set; }

    public int TimingCalls { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (range, error, field) = InsightsRange.Parse(From, To);
        if (range is null)
        {
            (Error, ErrorField) = (error, field);
            return;
        }

        (Calls, Items) = await insights.SegmentsAsync(range, cancellationToken);
        if (await insights.TimingAsync(Segment, range, cancellationToken) is { } timing)
        {
            (TimingGroup, Timing, TimingCalls) = (timing.Group, timing.Grid.AnswerRate(), timing.Grid.Calls);
        }
        else
        {
            Error = $"There is no segment “{Segment}”: choose one from the list.";
            ErrorField = "segment";
        }
    }

    /// <summary>The query string the page was asked with, for the CSV links and the heatmap's form.</summary>
    public string Query(bool withSegment)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(From))
        {
            parts.Add("from=" + Uri.EscapeDataString(From));
        }

        if (!string.IsNullOrWhiteSpace(To))
        {
            parts.Add("to=" + Uri.EscapeDataString(To));
        }

        if (withSegment && !string.IsNullOrWhiteSpace(Segment))
        {
            parts.Add("segment=" + Uri.EscapeDataString(Segment));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>This page with the same dates and the heatmap of the group <paramref name="reference"/> names.</summary>
    public string TimingLink(string reference)
    {
        var query = Query(false);
        return $"/insights{query}{(query.Length == 0 ? "?" : "&")}segment={Uri.EscapeDataString(reference)}#timing-title";
    }

    public static string KindLabel(InsightKind kind) => kind switch
    {
        InsightKind.Segment => "Segment",
        InsightKind.Area => "Area",
        InsightKind.IssueCategory => "Issue",
        _ => "Tag",
    };

    /// <summary>"45% (30–61%)": a rate with its 95% interval; "–" when nothing was counted.</summary>
    public static string WithInterval(double? value, double low, double high) => value is null
        ? "–"
        : $"{Ui.Charts.Percent(value)} ({(low * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}–{Ui.Charts.Percent(high)})";
}
