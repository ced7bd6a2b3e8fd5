using System.Collections.Concurrent;
using System.Globalization;

namespace Campaign.WebhookBench;

/// <summary>Request latencies by kind (voice, turn, status), in milliseconds.</summary>
internal sealed class LatencyLog
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _byKind = new(StringComparer.Ordinal);

    public int Errors;

    public void Add(string kind, double ms) => _byKind.GetOrAdd(kind, _ => []).Add(ms);

    public Summary Of(string kind)
    {
        var sorted = _byKind.TryGetValue(kind, out var bag) ? bag.Order().ToArray() : [];
        return new Summary(sorted.Length, At(sorted, 0.50), At(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    private static double At(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    public sealed record Summary(int Count, double P50, double P99, double Max)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count,6} turns  p50 {P50,7:F2} ms  p99 {P99,8:F2} ms  max {Max,8:F1} ms");
    }
}
