using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Campaign.Bench;

/// <summary>
/// Counts the requests the benchmark sends to the Table service, by kind: method and table (the customer tables counted
/// as one), entity-group transactions as <c>$batch</c>.
/// </summary>
internal sealed partial class RequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Total => _counts.Values.Sum();

    public override void OnSendingRequest(HttpMessage message)
    {
        var segments = message.Request.Uri.ToUri().AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var table = segments.Length > 0 ? Digits().Replace(Uri.UnescapeDataString(segments[^1]).Split('(')[0], "NN") : "?";
        _counts.AddOrUpdate($"{message.Request.Method} {table}", 1, (_, count) => count + 1);
    }

    /// <summary>The counts since the last call, per 1,000 of <paramref name="rows"/>, largest first; resets them.</summary>
    public IEnumerable<string> Drain(long rows)
    {
        var counts = _counts.ToArray();
        _counts.Clear();
        return counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key}: {c.Value:N0} ({c.Value * 1000.0 / Math.Max(1, rows):F1} per 1,000 rows)");
    }

    [GeneratedRegex(@"\d+$")]
    private static partial Regex Digits();
}
