using Campaign.Abstractions.Customers;

namespace Campaign.Telephony.Simulator;

/// <summary>
/// How a virtual customer reacts to the agent's opening, hidden from the engine so that a script experiment can be
/// checked against it: most people warm to an opening that names their own reported problem, and many go cold on a
/// long one. Each person's sensitivity is drawn from the seed; the same person hearing the same opening always reacts
/// the same way.
/// </summary>
public sealed record WordingTaste(double WarmsToTheirIssue, double ColdOnLongOpenings)
{
    /// <summary>Openings longer than this, in words, try the patience of those who dislike long ones.</summary>
    public const int LongOpeningWords = 40;

    public static WordingTaste Draw(Random random) => new(
        WarmsToTheirIssue: random.NextDouble() < 0.7 ? 0.5 : 0,
        ColdOnLongOpenings: random.NextDouble() < 0.6 ? 0.4 : 0);

    /// <summary>The disposition after hearing <paramref name="opening"/>: one step warmer or colder, or unchanged.</summary>
    public Interest React(Interest disposition, string? opening, string? concern, Random random)
    {
        if (string.IsNullOrWhiteSpace(opening))
        {
            return disposition;
        }

        var words = Words(opening);
        if (words.Count > LongOpeningWords && random.NextDouble() < ColdOnLongOpenings)
        {
            return Colder(disposition);
        }

        var theirs = concern is null ? [] : Words(concern).Where(w => w.Length > 3).ToHashSet();
        return theirs.Count > 0 && words.Count(theirs.Contains) >= Math.Min(2, theirs.Count) && random.NextDouble() < WarmsToTheirIssue
            ? Warmer(disposition)
            : disposition;
    }

    private static List<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', ';', ':', '"', '\''], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static Interest Warmer(Interest disposition) => disposition switch
    {
        Interest.NotInterested => Interest.Neutral,
        Interest.Neutral => Interest.Interested,
        _ => disposition,
    };

    private static Interest Colder(Interest disposition) => disposition switch
    {
        Interest.Interested => Interest.Neutral,
        Interest.Neutral => Interest.NotInterested,
        _ => disposition,
    };
}
