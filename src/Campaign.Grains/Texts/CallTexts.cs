using Campaign.Abstractions.Calls;

namespace Campaign.Grains.Texts;

/// <summary>A delivery report applied to a call's texts.</summary>
public static class CallTexts
{
    /// <returns>
    /// The texts with the report applied (the same list when nothing changed: a repeat, or a status that would move
    /// back), and whether the report names one of them.
    /// </returns>
    public static (IReadOnlyList<CallText> Texts, bool Found) Apply(IReadOnlyList<CallText>? texts, TextReport report, DateTimeOffset at)
    {
        var current = texts ?? [];
        var index = current.ToList().FindIndex(t => t.Id == report.TextId);
        if (index < 0)
        {
            return (current, false);
        }

        var advanced = current[index].Advance(report.Status, report.Error, at);
        if (ReferenceEquals(advanced, current[index]))
        {
            return (current, true);
        }

        var updated = current.ToList();
        updated[index] = advanced;
        return (updated, true);
    }
}
