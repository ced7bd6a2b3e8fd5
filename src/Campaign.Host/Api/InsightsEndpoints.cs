namespace Campaign.Host.Api;

internal static class InsightsEndpoints
{
    private const string RangeHelp =
        "from and to (optional) are ISO 8601 dates (a whole day, UTC) or instants, both inclusive, on the call's start; a value that is neither, or from after to, is 400 naming the parameter.";

    public static void MapInsightsEndpoints(this RouteGroupBuilder api)
    {
        var insights = api.MapGroup("/insights").WithTags("Insights");
        insights.MapGet("/segments", SegmentsAsync)
            .WithName("GetSegmentInsights")
            .Produces<SegmentInsightsResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Saved segments, areas, issue categories and tags across all campaigns, best first by the answer rate's 95% lower bound.")
            .WithDescription("Answer rate over calls placed; interest, follow-up and opt-out rates over answered calls; each with its 95% Wilson score interval; and the answer rate week by week. " + RangeHelp);
        insights.MapGet("/segments.csv", SegmentsCsvAsync)
            .WithName("ExportSegmentInsights")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The ranked segments, as CSV.")
            .WithDescription(RangeHelp);
        insights.MapGet("/timing", TimingAsync)
            .WithName("GetTimingInsights")
            .Produces<TimingInsightsResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The answer rate by the customer's local weekday (rows, Monday first) × hour, each cell with its 95% Wilson interval and calls placed.")
            .WithDescription("segment (optional): a saved segment's id, or area:, issueCategory: or tag: and the value; every call when left out; 404 when unknown. " + RangeHelp);
        insights.MapGet("/timing.csv", TimingCsvAsync)
            .WithName("ExportTimingInsights")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The weekday × hour answer rates, one row a cell, as CSV.")
            .WithDescription(RangeHelp);
    }

    private static async Task<IResult> SegmentsAsync(string? from, string? to, InsightsQueries insights, CancellationToken cancellationToken)
    {
        var (range, error, field) = InsightsRange.Parse(from, to);
        if (range is null)
        {
            return ApiProblems.BadRequest(error!, field);
        }

        var (calls, items) = await insights.SegmentsAsync(range, cancellationToken);
        return Results.Ok(new SegmentInsightsResponse(range.From, range.Until, calls, items.Select(SegmentInsightResponse.Of).ToList()));
    }

    private static async Task<IResult> SegmentsCsvAsync(string? from, string? to, InsightsQueries insights, CancellationToken cancellationToken)
    {
        var (range, error, field) = InsightsRange.Parse(from, to);
        if (range is null)
        {
            return ApiProblems.BadRequest(error!, field);
        }

        var (_, items) = await insights.SegmentsAsync(range, cancellationToken);
        return CsvDownload.File(InsightsCsv.Segments(items), "insights-segments.csv");
    }

    private static async Task<IResult> TimingAsync(string? segment, string? from, string? to, InsightsQueries insights, CancellationToken cancellationToken)
    {
        var (range, error, field) = InsightsRange.Parse(from, to);
        if (range is null)
        {
            return ApiProblems.BadRequest(error!, field);
        }

        if (await insights.TimingAsync(segment, range, cancellationToken) is not { } timing)
        {
            return ApiProblems.NotFound($"segment '{segment}' does not exist");
        }

        var group = timing.Group;
        return Results.Ok(new TimingInsightsResponse(
            group is null ? null : InsightsQueries.Reference(group), group?.Name, range.From, range.Until, timing.Grid.Calls, timing.Grid.AnswerRate()));
    }

    private static async Task<IResult> TimingCsvAsync(string? segment, string? from, string? to, InsightsQueries insights, CancellationToken cancellationToken)
    {
        var (range, error, field) = InsightsRange.Parse(from, to);
        if (range is null)
        {
            return ApiProblems.BadRequest(error!, field);
        }

        return await insights.TimingAsync(segment, range, cancellationToken) is { } timing
            ? CsvDownload.File(InsightsCsv.Timing(timing.Grid.AnswerRate()), "insights-timing.csv")
            : ApiProblems.NotFound($"segment '{segment}' does not exist");
    }
}
