namespace Campaign.Storage.AzureTables;

/// <summary>
/// A set of customer ids, or its complement (everyone except <see cref="Ids"/>), so that <c>not</c> and "never
/// contacted" never have to list every customer until the very end. Operations reuse their operands' sets.
/// </summary>
internal readonly record struct IdSet(HashSet<string> Ids, bool Complement)
{
    public static IdSet Everyone => new([], true);

    public static IdSet Nobody => new([], false);

    public IdSet Not() => this with { Complement = !Complement };

    public IdSet And(IdSet other) => (Complement, other.Complement) switch
    {
        (false, false) => Intersect(Ids, other.Ids),
        (false, true) => Except(Ids, other.Ids, complement: false),
        (true, false) => Except(other.Ids, Ids, complement: false),
        _ => Union(Ids, other.Ids, complement: true),
    };

    public IdSet Or(IdSet other) => (Complement, other.Complement) switch
    {
        (false, false) => Union(Ids, other.Ids, complement: false),
        (false, true) => Except(other.Ids, Ids, complement: true),
        (true, false) => Except(Ids, other.Ids, complement: true),
        _ => Intersect(Ids, other.Ids) with { Complement = true },
    };

    /// <summary>The ids themselves; a complement is taken from <paramref name="everyone"/>, which is consumed.</summary>
    public async Task<HashSet<string>> ResolveAsync(Func<Task<HashSet<string>>> everyone)
    {
        if (!Complement)
        {
            return Ids;
        }

        var all = await everyone();
        all.ExceptWith(Ids);
        return all;
    }

    private static IdSet Intersect(HashSet<string> a, HashSet<string> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        small.IntersectWith(large);
        return new IdSet(small, false);
    }

    private static IdSet Union(HashSet<string> a, HashSet<string> b, bool complement)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        large.UnionWith(small);
        return new IdSet(large, complement);
    }

    private static IdSet Except(HashSet<string> keep, HashSet<string> remove, bool complement)
    {
        keep.ExceptWith(remove);
        return new IdSet(keep, complement);
    }
}
