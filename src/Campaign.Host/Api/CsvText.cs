using System.Text;

namespace Campaign.Host.Api;

/// <summary>RFC 4180 rows, safe to open in a spreadsheet.</summary>
internal static class CsvText
{
    public static void AppendRow(StringBuilder csv, IEnumerable<string?> fields) =>
        csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");

    private static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
        var safe = field[0] is '=' or '+' or '-' or '@' ? "'" + field : field;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
