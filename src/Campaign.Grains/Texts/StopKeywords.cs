namespace Campaign.Grains.Texts;

/// <summary>The carriers' standard opt-out keywords: a reply that is one of them, whole and in any case, opts out.</summary>
public static class StopKeywords
{
    public static readonly IReadOnlyList<string> All = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];

    public static bool IsOptOut(string? body)
    {
        var text = body?.Trim().TrimEnd('.', '!') ?? "";
        return All.Contains(text, StringComparer.OrdinalIgnoreCase);
    }
}
