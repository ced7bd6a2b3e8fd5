using System.Globalization;

namespace Campaign.EngineBench;

/// <summary>The figures of one run as a Markdown table: measure, result, target.</summary>
public sealed class SummaryTable(string title)
{
    private readonly List<(string Measure, string Result, string Target)> _rows = [];

    public SummaryTable Add(string measure, string result, string target = "")
    {
        _rows.Add((measure, result, target));
        return this;
    }

    public void Print(TextWriter output)
    {
        var widths = new[]
        {
            Math.Max("Measure".Length, _rows.Max(r => r.Measure.Length)),
            Math.Max("Result".Length, _rows.Max(r => r.Result.Length)),
            Math.Max("Target".Length, _rows.Max(r => r.Target.Length)),
        };
        output.WriteLine();
        output.WriteLine($"## {title}");
        output.WriteLine();
        Line(output, widths, "Measure", "Result", "Target");
        Line(output, widths, new string('-', widths[0]), new string('-', widths[1]), new string('-', widths[2]));
        foreach (var (measure, result, target) in _rows)
        {
            Line(output, widths, measure, result, target);
        }

        output.WriteLine();
    }

    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture)} s";

    public static string Milliseconds(TimeSpan time) => $"{time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "N2" : "N1", CultureInfo.InvariantCulture)} ms";

    public static string Megabytes(long bytes) => $"{(bytes / (1024.0 * 1024.0)).ToString("N1", CultureInfo.InvariantCulture)} MB";

    public static string Kilobytes(double bytes) => $"{(bytes / 1024.0).ToString("N1", CultureInfo.InvariantCulture)} KB";

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static void Line(TextWriter output, int[] widths, string a, string b, string c) =>
        output.WriteLine($"| {a.PadRight(widths[0])} | {b.PadRight(widths[1])} | {c.PadRight(widths[2])} |");
}
