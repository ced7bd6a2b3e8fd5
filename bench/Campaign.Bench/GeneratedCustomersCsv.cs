using System.Text;

namespace Campaign.Bench;

/// <summary>Deterministic CSV chunks of customers spread over areas, issue categories, tags and attributes.</summary>
internal static class GeneratedCustomersCsv
{
    public static readonly string[] Areas = ["Riverside", "Oakwood", "Hillcrest", "Lakeside", "Old Town", "Northgate", "Southbank", "Westfield", "Eastgate", "Meadowbrook"];
    public static readonly string[] Categories = ["electricity", "water", "billing", "gas", "internet"];

    public static byte[] Chunk(int start, int count, DateTimeOffset now)
    {
        var random = new Random(start);
        var csv = new StringBuilder(count * 160);
        csv.Append("id,name,phone,area,timeZone,tags,attr.plan,issue.category,issue.reportedAt,issue.text\n");
        for (var i = start; i < start + count; i++)
        {
            var area = Areas[i % Areas.Length];
            var hasIssue = random.NextDouble() < 0.7;
            var category = Categories[random.Next(Categories.Length)];
            var reported = now.AddDays(-random.Next(1, 365)).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            csv.Append("B-").Append(i).Append(",Customer ").Append(i)
                .Append(",+1").Append(212 + i / 8_000_000 % 700).Append(200 + i / 10_000 % 800).Append((i % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
                .Append(',').Append(area)
                .Append(",America/New_York,")
                .Append(random.NextDouble() < 0.1 ? "vip" : "")
                .Append(',').Append(random.NextDouble() < 0.6 ? "basic" : "premium")
                .Append(',').Append(hasIssue ? category : "")
                .Append(',').Append(hasIssue ? reported : "")
                .Append(',').Append(hasIssue ? "reported by phone" : "")
                .Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
