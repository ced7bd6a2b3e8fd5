namespace Campaign.Abstractions.Storage;

/// <summary>
/// Adds up a campaign's ended calls into its statistics: results, outcomes by segment, concern topics, follow-ups and
/// attempts and answers by local weekday × hour. Every store counts through it, and the campaign keeps one running.
/// </summary>
public sealed class CampaignTally
{
    private const string Answered = "Answered";
    private readonly Dictionary<string, int> _results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _bySegment = new(StringComparer.Ordinal);
    private readonly ConcernTally _concerns = new();
    private readonly int[,] _attempts = new int[7, 24];
    private readonly int[,] _answered = new int[7, 24];
    private int[]? _noSegment;
    private int _moreInfo;
    private int _callback;
    private int _leaveAlone;

    /// <summary>Calls counted so far.</summary>
    public int Calls { get; private set; }

    /// <summary>Counts a call; one added as <paramref name="newest"/> (it just ended) puts its concern quotes first.</summary>
    public void Add(CallFacts call, bool newest = false)
    {
        Calls++;
        if (call.Result is { } result)
        {
            _results[result] = _results.GetValueOrDefault(result) + 1;
        }

        var answered = call.Result == Answered;
        var counts = call.SegmentId is null ? _noSegment ??= new int[6] : SegmentCounts(call.SegmentId);
        counts[0]++;
        if (answered)
        {
            counts[1]++;
            counts[call.Interest switch { "Interested" => 2, "Neutral" => 3, "NotInterested" => 4, _ => 5 }]++;
        }

        if (call.Concerns.Count > 0)
        {
            _concerns.Add(call.Concerns, call.ConcernQuotes, newest);
        }

        switch (call.FollowUp)
        {
            case "MoreInfo":
                _moreInfo++;
                break;
            case "Callback":
                _callback++;
                break;
            case "LeaveAlone":
                _leaveAlone++;
                break;
        }

        if (call.Weekday is { } weekday && call.LocalHour is { } hour and >= 0 and < 24)
        {
            var day = ((int)weekday + 6) % 7; // DayOfWeek counts from Sunday; rows start on Monday
            _attempts[day, hour]++;
            _answered[day, hour] += answered ? 1 : 0;
        }
    }

    /// <summary>Number of calls by result (the result's name: Answered, NoAnswer, …).</summary>
    public IReadOnlyDictionary<string, int> Results => _results;

    public CampaignOutcomeStats Stats(int topConcerns)
    {
        var bySegment = new List<SegmentOutcome>();
        if (_noSegment is { } none)
        {
            bySegment.Add(Outcome(null, none));
        }

        bySegment.AddRange(_bySegment.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => Outcome(s.Key, s.Value)));
        var rates = Enumerable.Range(0, 7).Select(d => (IReadOnlyList<double?>)Enumerable.Range(0, 24)
            .Select(h => _attempts[d, h] == 0 ? (double?)null : Math.Round((double)_answered[d, h] / _attempts[d, h], 3)).ToList()).ToList();
        var attempts = Enumerable.Range(0, 7).Select(d => (IReadOnlyList<int>)Enumerable.Range(0, 24).Select(h => _attempts[d, h]).ToList()).ToList();
        return new CampaignOutcomeStats(bySegment, _concerns.Top(topConcerns), new FollowUpCounts(_moreInfo, _callback, _leaveAlone), rates, attempts);
    }

    private int[] SegmentCounts(string segment)
    {
        if (!_bySegment.TryGetValue(segment, out var counts))
        {
            _bySegment[segment] = counts = new int[6];
        }

        return counts;
    }

    private static SegmentOutcome Outcome(string? segment, int[] c) => new(segment, c[0], c[1], c[2], c[3], c[4], c[5]);
}
