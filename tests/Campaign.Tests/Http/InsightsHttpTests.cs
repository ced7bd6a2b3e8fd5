using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Abstractions.Calls;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Insights;
using Campaign.Abstractions.Storage;
using Campaign.Host.Api;
using Campaign.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Tests.Http;

/// <summary>
/// <c>/api/insights</c> against the real host: groups across campaigns ranked by the answer rate's lower bound, Wilson
/// intervals, date filters, the weekday × hour grid of one group, CSV exports and the problems for bad input. Each
/// test places its calls in a week of its own, far from the others', and asks for that week only.
/// </summary>
[Collection(InProcessHostCollection.Name)]
public class InsightsHttpTests(InProcessHost host)
{
    private sealed record Seed(string Tag, DateTimeOffset Week, string From, string To);

    private static CallRecord Call(string customerId, DateTimeOffset at, CallResult result, Interest interest = Interest.Unknown, bool optedOut = false, FollowUpKind followUp = FollowUpKind.None)
    {
        var answered = result == CallResult.Answered ? at.AddSeconds(4) : (DateTimeOffset?)null;
        var outcome = result == CallResult.Answered
            ? new CallOutcome(interest, [], new FollowUp(followUp, null), "summary", optedOut, 9, DayOfWeek.Monday)
            : null;
        return new CallRecord($"ins-{customerId}-{at.ToUnixTimeMilliseconds()}-{Guid.NewGuid():N}", "insights-" + customerId, customerId, null, 1, CallStatus.Ended,
            result, at, answered, (answered ?? at).AddSeconds(30), [], outcome, null, LocalHour: 9, LocalWeekday: DayOfWeek.Monday);
    }

    /// <summary>
    /// Two areas: "small" (one customer, 3 of 4 calls answered) and "big" (one customer, 30 of 50), both with the tag
    /// and the issue category of the test; one more call to "small" the day after the week.
    /// </summary>
    private async Task<Seed> SeedAsync()
    {
        var tag = "ins" + Guid.NewGuid().ToString("N")[..8];
        var week = new DateTimeOffset(2041, 1, 7, 9, 0, 0, TimeSpan.Zero).AddDays(7 * Random.Shared.Next(0, 3000));
        var phones = Enumerable.Range(0, 2).Select(i => TestCustomers.Phone(7_000_000 + (Random.Shared.Next(0, 40_000) * 2) + i)).ToArray();
        var csv = "id,name,phone,area,timeZone,tags,issue.category,issue.reportedAt\n"
            + $"{tag}-s,Sam {tag},{phones[0]},{tag}-small,America/Chicago,{tag},{tag}cat,2026-10-01\n"
            + $"{tag}-b,Bo {tag},{phones[1]},{tag}-big,America/Chicago,{tag},{tag}cat,2026-10-01\n";
        (await host.Client.PostAsync("/api/customers/import", InProcessHost.Csv(csv))).EnsureSuccessStatusCode();

        var calls = new List<CallRecord>
        {
            Call($"{tag}-s", week, CallResult.Answered, Interest.Interested, followUp: FollowUpKind.Callback),
            Call($"{tag}-s", week.AddMinutes(1), CallResult.Answered, Interest.Interested),
            Call($"{tag}-s", week.AddMinutes(2), CallResult.Answered, Interest.NotInterested, optedOut: true),
            Call($"{tag}-s", week.AddMinutes(3), CallResult.NoAnswer),
            Call($"{tag}-s", week.AddDays(7), CallResult.NoAnswer),
        };
        calls.AddRange(Enumerable.Range(0, 50).Select(i => Call($"{tag}-b", week.AddMinutes(10 + i), i < 30 ? CallResult.Answered : CallResult.Busy, i < 6 ? Interest.Interested : Interest.Neutral)));
        await SeededCalls.SaveAsync(host.Services, calls);
        var day = week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Seed(tag, week, day, week.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private async Task<JsonElement[]> ItemsAsync(string query, string tag) =>
        (await host.Client.GetFromJsonAsync<JsonElement>("/api/insights/segments" + query)).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("key").GetString()!.StartsWith(tag, StringComparison.Ordinal) || i.GetProperty("name").GetString()!.Contains(tag, StringComparison.Ordinal))
            .ToArray();

    private static void AssertRate(JsonElement rate, int successes, int trials)
    {
        var expected = RateInterval.Wilson(successes, trials);
        Assert.Equal(expected.Value, rate.GetProperty("value").GetDouble());
        Assert.Equal(expected.Low, rate.GetProperty("low").GetDouble());
        Assert.Equal(expected.High, rate.GetProperty("high").GetDouble());
    }

    [Fact]
    public async Task Segments_rank_by_the_answer_rates_lower_bound_with_Wilson_intervals_and_every_kind_of_group()
    {
        var seed = await SeedAsync();
        var segment = await host.PostJsonAsync("/api/segments", $$"""{ "name": "Small {{seed.Tag}}", "criteria": { "area": ["{{seed.Tag}}-small"] } }""");

        var items = await ItemsAsync($"?from={seed.From}&to={seed.To}", seed.Tag);

        var keys = items.Select(i => (i.GetProperty("kind").GetString(), i.GetProperty("key").GetString())).ToList();
        Assert.Equal(
            [("issueCategory", seed.Tag + "cat"), ("tag", seed.Tag), ("area", seed.Tag + "-big"), ("segment", segment.GetProperty("id").GetString()), ("area", seed.Tag + "-small")],
            keys);
        var big = items[2];
        Assert.Equal((50, 30), (big.GetProperty("calls").GetInt32(), big.GetProperty("answered").GetInt32()));
        AssertRate(big.GetProperty("answerRate"), 30, 50);
        AssertRate(big.GetProperty("interestRate"), 6, 30);
        AssertRate(big.GetProperty("optOutRate"), 0, 30);
        var small = items[4];
        Assert.Equal((4, 3), (small.GetProperty("calls").GetInt32(), small.GetProperty("answered").GetInt32()));
        Assert.True(small.GetProperty("answerRate").GetProperty("value").GetDouble() > big.GetProperty("answerRate").GetProperty("value").GetDouble());
        AssertRate(small.GetProperty("answerRate"), 3, 4);
        AssertRate(small.GetProperty("interestRate"), 2, 3);
        AssertRate(small.GetProperty("optOutRate"), 1, 3);
        AssertRate(small.GetProperty("followUpRate"), 1, 3);
        Assert.Equal($"Small {seed.Tag}", items[3].GetProperty("name").GetString());
        Assert.Equal((54, 33), (items[0].GetProperty("calls").GetInt32(), items[0].GetProperty("answered").GetInt32()));
        var trend = Assert.Single(items[0].GetProperty("trend").EnumerateArray());
        Assert.Equal((seed.From, 54), (trend.GetProperty("week").GetString(), trend.GetProperty("calls").GetInt32()));
    }

    [Fact]
    public async Task From_and_to_filter_calls_by_their_start_as_dates_or_instants()
    {
        var seed = await SeedAsync();

        var weekAndNext = await ItemsAsync($"?from={seed.From}&to={seed.Week.AddDays(7):yyyy-MM-dd}", seed.Tag + "-small");
        Assert.Equal(5, Assert.Single(weekAndNext).GetProperty("calls").GetInt32());
        var instants = await ItemsAsync(
            $"?from={Uri.EscapeDataString(seed.Week.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(seed.Week.AddMinutes(2).ToString("O", CultureInfo.InvariantCulture))}",
            seed.Tag + "-small");
        Assert.Equal((2, 2), (Assert.Single(instants).GetProperty("calls").GetInt32(), instants[0].GetProperty("answered").GetInt32()));
        Assert.Empty(await ItemsAsync($"?from={seed.Week.AddDays(-7):yyyy-MM-dd}&to={seed.Week.AddDays(-1):yyyy-MM-dd}", seed.Tag));
    }

    [Fact]
    public async Task Timing_is_a_weekday_by_hour_grid_of_a_groups_calls_with_intervals()
    {
        var seed = await SeedAsync();

        var timing = await host.Client.GetFromJsonAsync<JsonElement>($"/api/insights/timing?segment=area:{seed.Tag}-small&from={seed.From}&to={seed.To}");

        var rows = timing.GetProperty("answerRate").EnumerateArray().ToArray();
        Assert.Equal(7, rows.Length);
        Assert.All(rows, row => Assert.Equal(24, row.GetArrayLength()));
        var monday9 = rows[0][9];
        Assert.Equal(4, monday9.GetProperty("calls").GetInt32());
        AssertRate(monday9, 3, 4);
        Assert.Equal(JsonValueKind.Null, rows[1][9].GetProperty("value").ValueKind);
        Assert.Equal((0, 0.0, 1.0), (rows[1][9].GetProperty("calls").GetInt32(), rows[1][9].GetProperty("low").GetDouble(), rows[1][9].GetProperty("high").GetDouble()));
        Assert.Equal(("area:" + seed.Tag + "-small", 4), (timing.GetProperty("segment").GetString(), timing.GetProperty("calls").GetInt32()));

        var tagged = await host.Client.GetFromJsonAsync<JsonElement>($"/api/insights/timing?segment=tag:{seed.Tag}&from={seed.From}&to={seed.To}");
        Assert.Equal(54, tagged.GetProperty("answerRate")[0][9].GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task Both_export_as_csv_with_the_rates_and_their_intervals()
    {
        var seed = await SeedAsync();

        var segments = await host.Client.GetAsync($"/api/insights/segments.csv?from={seed.From}&to={seed.To}");
        Assert.Equal(HttpStatusCode.OK, segments.StatusCode);
        Assert.Equal("text/csv", segments.Content.Headers.ContentType?.MediaType);
        Assert.Equal("insights-segments.csv", segments.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await segments.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,kind,key,name,calls,answered,answerRate,answerRateLow,answerRateHigh,interested,interestRate", lines[0], StringComparison.Ordinal);
        var small = Assert.Single(lines, l => l.Contains($",area,{seed.Tag}-small,", StringComparison.Ordinal));
        var wilson = RateInterval.Wilson(3, 4);
        Assert.Contains($",4,3,0.75,{wilson.Low.ToString(CultureInfo.InvariantCulture)},{wilson.High.ToString(CultureInfo.InvariantCulture)},2,", small, StringComparison.Ordinal);

        var timing = await host.Client.GetAsync($"/api/insights/timing.csv?segment=area:{seed.Tag}-big&from={seed.From}&to={seed.To}");
        var cells = (await timing.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + (7 * 24), cells.Length);
        Assert.Equal("weekday,hour,calls,answerRate,answerRateLow,answerRateHigh", cells[0]);
        Assert.StartsWith("Mon,9,50,0.6,", cells[1 + 9], StringComparison.Ordinal);
        Assert.Equal("Tue,0,0,,,", cells[1 + 24]);
    }

    [Fact]
    public async Task Bad_dates_are_400_naming_the_parameter_and_an_unknown_segment_is_404()
    {
        foreach (var (query, field) in new[]
        {
            ("/api/insights/segments?from=yesterday", "from"),
            ("/api/insights/segments?to=2026-13-01", "to"),
            ("/api/insights/segments?from=2026-12-02&to=2026-12-01", "from"),
            ("/api/insights/segments.csv?to=soon", "to"),
            ("/api/insights/timing?from=12/01/2026", "from"),
        })
        {
            var problem = await ProblemAssert.IsProblemAsync(await host.Client.GetAsync(query), HttpStatusCode.BadRequest);
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }

        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync("/api/insights/timing?segment=no-such-segment"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await host.Client.GetAsync("/api/insights/timing.csv?segment=area:no-such-area-" + Guid.NewGuid().ToString("N")), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/api/insights/segments")).StatusCode);
    }

    [Fact]
    public async Task Reading_the_whole_directory_page_by_page_groups_the_customers_as_reading_their_profiles_does()
    {
        var seed = await SeedAsync();
        var range = InsightsRange.Parse(seed.From, seed.To).Range!;
        var services = host.Services;
        var direct = services.GetRequiredService<InsightsQueries>();
        var paged = new InsightsQueries(services.GetRequiredService<ICallStore>(), services.GetRequiredService<ICustomerDirectory>(), services.GetRequiredService<IGrainFactory>())
        {
            DirectReads = 0,
            DirectShare = int.MaxValue,
        };

        var (directCalls, directItems) = await direct.SegmentsAsync(range, CancellationToken.None);
        var (pagedCalls, pagedItems) = await paged.SegmentsAsync(range, CancellationToken.None);

        Assert.Equal(54, directCalls);
        Assert.Equal(directCalls, pagedCalls);
        Assert.Equal(
            directItems.Select(i => (i.Group, i.Calls, i.Answered, i.AnswerRate)),
            pagedItems.Select(i => (i.Group, i.Calls, i.Answered, i.AnswerRate)));
        Assert.Contains(pagedItems, i => i.Group == new InsightGroup(InsightKind.Area, seed.Tag + "-big", seed.Tag + "-big"));
    }
}
