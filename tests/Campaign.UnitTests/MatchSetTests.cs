using Campaign.Storage.AzureTables;

namespace Campaign.UnitTests;

/// <summary>The customer-number sets segment queries on Azure Tables combine, checked against plain sets.</summary>
public sealed class MatchSetTests
{
    private const int Everyone = 20_000;

    [Fact]
    public void Numbers_come_back_once_in_ascending_order_and_are_counted()
    {
        var set = new NumberSet();
        foreach (var n in new long[] { 9_000_000, 5, 64, 63, 5, 0, 4_095, 4_096 })
        {
            set.Add(n);
        }

        Assert.Equal([0, 5, 63, 64, 4_095, 4_096, 9_000_000], set.Ascending());
        Assert.Equal(7, set.Count);
        Assert.True(set.Contains(4_096));
        Assert.False(set.Contains(4_097));
        Assert.False(set.Contains(long.MaxValue / 128));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task And_or_not_agree_with_plain_set_operations(int seed)
    {
        var random = new Random(seed);
        var a = Sample(random, 0.3);
        var b = Sample(random, 0.05);
        var c = Sample(random, 0.6);

        // (a AND NOT b) OR (NOT c AND NOT a) OR (NOT b AND NOT c ... ) exercises every pair of complement flags.
        var expression = Of(a).And(Of(b).Not())
            .Or(Of(c).Not().And(Of(a).Not()))
            .Or(Of(b).Not().Or(Of(c)).Not())
            .And(Of(a).Or(Of(c).Not()).Or(Of(b)));
        var expected = Enumerable.Range(0, Everyone).Select(n => (long)n).Where(n =>
            ((a.Contains(n) && !b.Contains(n)) || (!c.Contains(n) && !a.Contains(n)) || !(!b.Contains(n) || c.Contains(n)))
            && (a.Contains(n) || !c.Contains(n) || b.Contains(n))).ToList();

        var resolved = await expression.ResolveAsync(() => Task.FromResult(Of(Enumerable.Range(0, Everyone).Select(n => (long)n).ToHashSet()).Numbers));

        Assert.Equal(expected, resolved.Ascending());
        Assert.Equal(expected.Count, resolved.Count);
    }

    private static HashSet<long> Sample(Random random, double share) =>
        Enumerable.Range(0, Everyone).Where(_ => random.NextDouble() < share).Select(n => (long)n).ToHashSet();

    private static MatchSet Of(HashSet<long> numbers)
    {
        var set = new NumberSet();
        foreach (var n in numbers)
        {
            set.Add(n);
        }

        return new MatchSet(set, false);
    }
}
