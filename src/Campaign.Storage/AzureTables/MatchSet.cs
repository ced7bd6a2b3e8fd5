namespace Campaign.Storage.AzureTables;

/// <summary>
/// The customers a criterion matches: a set of numbers, or its complement (everyone except <see cref="Numbers"/>), so
/// that <c>not</c> and "never contacted" need the list of every customer only when the final result is a complement.
/// Operations reuse their operands' sets.
/// </summary>
internal readonly record struct MatchSet(NumberSet Numbers, bool Complement)
{
    public static MatchSet Everyone => new(new NumberSet(), true);

    public static MatchSet Nobody => new(new NumberSet(), false);

    public MatchSet Not() => this with { Complement = !Complement };

    public MatchSet And(MatchSet other) => (Complement, other.Complement) switch
    {
        (false, false) => Combine(Numbers, other.Numbers, (a, b) => a.IntersectWith(b), complement: false),
        (false, true) => Combine(Numbers, other.Numbers, (a, b) => a.ExceptWith(b), complement: false),
        (true, false) => Combine(other.Numbers, Numbers, (a, b) => a.ExceptWith(b), complement: false),
        _ => Combine(Numbers, other.Numbers, (a, b) => a.UnionWith(b), complement: true),
    };

    public MatchSet Or(MatchSet other) => (Complement, other.Complement) switch
    {
        (false, false) => Combine(Numbers, other.Numbers, (a, b) => a.UnionWith(b), complement: false),
        (false, true) => Combine(other.Numbers, Numbers, (a, b) => a.ExceptWith(b), complement: true),
        (true, false) => Combine(Numbers, other.Numbers, (a, b) => a.ExceptWith(b), complement: true),
        _ => Combine(Numbers, other.Numbers, (a, b) => a.IntersectWith(b), complement: true),
    };

    /// <summary>The numbers themselves; a complement is taken from <paramref name="everyone"/>, which is consumed.</summary>
    public async Task<NumberSet> ResolveAsync(Func<Task<NumberSet>> everyone)
    {
        if (!Complement)
        {
            return Numbers;
        }

        var all = await everyone();
        all.ExceptWith(Numbers);
        return all;
    }

    private static MatchSet Combine(NumberSet target, NumberSet other, Action<NumberSet, NumberSet> operation, bool complement)
    {
        operation(target, other);
        return new MatchSet(target, complement);
    }
}
