using Azure.Data.Tables;
using Campaign.Abstractions.Storage;
using Campaign.Storage.Outcomes;

namespace Campaign.Storage.AzureTables;

/// <summary>Adds up a campaign's call rows into the outcome statistics, counting exactly as the embedded store does.</summary>
internal sealed class CallOutcomeTally
{
    private const string Answered = "Answered";
    private readonly Dictionary<string, int[]> _bySegment = new(StringComparer.Ordinal);
    private readonly ConcernTally _concerns = new();
    private readonly int[,] _attempts = new int[7, 24];
    private readonly int[,] _answered = new int[7, 24];
    private int[]? _noSegment;
    private int _moreInfo;
    private int _callback;
    private int _leaveAlone;

    public void Add(TableEntity row)
    {
        var answered = row.GetString("Result") == Answered;
        var interest = row.GetString("Interest");
        var segment = row.GetString("SegmentId");
        var counts = segment is null ? _noSegment ??= new int[6] : SegmentCounts(segment);
        counts[0]++;
        if (answered)
        {
            counts[1]++;
            counts[interest switch { "Interested" => 2, "Neutral" => 3, "NotInterested" => 4, _ => 5 }]++;
        }

        _concerns.Add(CallRow.Concerns(row), CallRow.ConcernQuotes(row));

        switch (row.GetString("FollowUp"))
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

        if (row.GetInt32("Weekday") is { } weekday && row.GetInt32("LocalHour") is { } hour)
        {
            var day = (weekday + 6) % 7; // DayOfWeek counts from Sunday; rows start on Monday
            _attempts[day, hour]++;
            _answered[day, hour] += answered ? 1 : 0;
        }
    }

    public CampaignOutcomeStats Result(int topConcerns)
    {
        var bySegment = new List<SegmentOutcome>();
        if (_noSegment is { } none)
        {
            bySegment.Add(Outcome(null, none));
        }

        bySegment.AddRange(_bySegment.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => Outcome(s.Key, s.Value)));
        var concerns = _concerns.Top(topConcerns);
        var rates = Enumerable.Range(0, 7).Select(d => (IReadOnlyList<double?>)Enumerable.Range(0, 24)
            .Select(h => _attempts[d, h] == 0 ? (double?)null : Math.Round((double)_answered[d, h] / _attempts[d, h], 3)).ToList()).ToList();
        var attempts = Enumerable.Range(0, 7).Select(d => (IReadOnlyList<int>)Enumerable.Range(0, 24).Select(h => _attempts[d, h]).ToList()).ToList();
        return new CampaignOutcomeStats(bySegment, concerns, new FollowUpCounts(_moreInfo, _callback, _leaveAlone), rates, attempts);
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
