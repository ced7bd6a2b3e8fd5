using System.Diagnostics;
using System.Globalization;
using Campaign.Abstractions.Conversation;

namespace Campaign.TurnBench;

/// <summary>
/// Plays many conversations at once through the agent and times each turn: from the customer's words arriving to the
/// reply text being ready (<see cref="IConversationAgent.RespondAsync"/>).
/// </summary>
public static class TurnBenchmark
{
    public static async Task<TurnStats> RunAsync(IConversationAgent agent, int concurrency, int conversationsPerWorker, TimeSpan meanThinkTime)
    {
        var latencies = new List<double>[concurrency];
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collectionsBefore = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var mine = latencies[worker] = new List<double>(conversationsPerWorker * 6);
            for (var i = 0; i < conversationsPerWorker; i++)
            {
                var session = new ConversationSession
                {
                    Customer = BenchScripts.Customer((worker * conversationsPerWorker) + i),
                    ScriptId = BenchScripts.ScriptId,
                    AnsweredAt = DateTimeOffset.UtcNow,
                };
                await agent.OpenAsync(session);
                foreach (var line in BenchScripts.Dialogues[(worker + i) % BenchScripts.Dialogues.Length])
                {
                    if (meanThinkTime > TimeSpan.Zero)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * 2 * meanThinkTime.TotalMilliseconds));
                    }

                    var started = Stopwatch.GetTimestamp();
                    var reply = await agent.RespondAsync(session, line);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (reply.EndCall)
                    {
                        break;
                    }
                }

                await agent.ConcludeAsync(session);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        return new TurnStats(all.Length, Percentile(all, 0.50), Percentile(all, 0.99), all[^1], all.Length / watch.Elapsed.TotalSeconds,
            allocated / all.Length, GC.CollectionCount(0) - collectionsBefore);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Turn latencies; allocations and gen-0 collections include the openings and conclusions around the turns.</summary>
public sealed record TurnStats(int Turns, double P50, double P99, double Max, double TurnsPerSecond, long BytesPerTurn, int Gen0Collections)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Turns,7} turns  p50 {P50,6:F3} ms  p99 {P99,6:F3} ms  max {Max,7:F3} ms  {TurnsPerSecond,8:F0} turns/s  {BytesPerTurn / 1024.0,5:F1} KB/turn  {Gen0Collections} gen0 GCs");
}
