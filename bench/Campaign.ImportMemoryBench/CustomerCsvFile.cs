using System.Globalization;
using System.Text;

namespace Campaign.ImportMemoryBench;

/// <summary>Writes a deterministic customer CSV of about the given size, in the shape the import documentation shows.</summary>
internal static class CustomerCsvFile
{
    private static readonly string[] Areas = ["Riverside", "Oakwood", "Hillcrest", "Lakeside", "Old Town", "Northgate", "Southbank", "Westfield", "Eastgate", "Meadowbrook"];
    private static readonly string[] Categories = ["electricity", "water", "billing", "gas", "internet"];

    /// <summary>Writes rows until the file reaches <paramref name="bytes"/> (never beyond it); returns the row count.</summary>
    public static int Write(string path, long bytes)
    {
        var random = new Random(42);
        var now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        const string Header = "id,name,phone,area,timeZone,tags,attr.plan,issue.category,issue.reportedAt,issue.text\n";
        file.Write(Header);
        long written = Header.Length;
        var row = new StringBuilder(200);
        var rows = 0;
        while (true)
        {
            var i = rows;
            var hasIssue = random.NextDouble() < 0.7;
            var reported = now.AddDays(-random.Next(1, 365)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            row.Clear()
                .Append("M-").Append(i).Append(",Customer ").Append(i)
                .Append(",+1").Append(212 + (i / 8_000_000 % 700)).Append(200 + (i / 10_000 % 800)).Append((i % 10_000).ToString("D4", CultureInfo.InvariantCulture))
                .Append(',').Append(Areas[i % Areas.Length])
                .Append(",America/New_York,")
                .Append(random.NextDouble() < 0.1 ? "vip" : "")
                .Append(',').Append(random.NextDouble() < 0.6 ? "basic" : "premium")
                .Append(',').Append(hasIssue ? Categories[random.Next(Categories.Length)] : "")
                .Append(',').Append(hasIssue ? reported : "")
                .Append(',').Append(hasIssue ? "reported by phone" : "")
                .Append('\n');
            if (written + row.Length > bytes)
            {
                return rows;
            }

            file.Write(row);
            written += row.Length;
            rows++;
        }
    }
}
