using System.Globalization;
using Campaign.Abstractions.Customers;
using Campaign.Grains.Customers.Import;

namespace Campaign.Host.Demo;

/// <summary>A deterministic, realistic set of utility customers: several areas, issue categories and contact histories.</summary>
public static class DemoCustomers
{
    // Areas span time zones so that, whatever the hour, some demo customers are inside their legal calling hours.
    private static readonly (string Area, string TimeZone, string PhonePrefix, int LocalDigits)[] Areas =
    [
        ("Riverside", "America/Los_Angeles", "+1951", 7),
        ("Oakwood", "America/Chicago", "+1312", 7),
        ("Hillcrest", "America/New_York", "+1212", 7),
        ("Old Town", "America/New_York", "+1617", 7),
        ("Lakeside", "Europe/London", "+44207", 7),
        ("Northgate", "Asia/Singapore", "+6561", 6),
    ];

    private static readonly (string Category, string[] Texts)[] Issues =
    [
        ("electricity", ["power cuts at night", "voltage drops when the heater runs", "outage lasted two days", "flickering lights"]),
        ("water", ["low water pressure", "brown water in the morning", "leak reported near the meter"]),
        ("billing", ["bill doubled this month", "charged twice", "estimated reading is wrong"]),
        ("gas", ["smell of gas near the street", "boiler pilot keeps going out"]),
        ("internet", ["connection drops every evening", "speed far below the plan"]),
    ];

    /// <summary>The issues demo customers report, as they report them.</summary>
    public static IEnumerable<string> IssueTexts => Issues.SelectMany(issue => issue.Texts);

    private static readonly string[] FirstNames =
        ["Ana", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Hugo", "Irene", "Jamal", "Keiko", "Luis", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zoe"];

    private static readonly string[] LastNames =
        ["Silva", "Johnson", "Nguyen", "Garcia", "Smith", "Okafor", "Kowalski", "Chen", "Martin", "Haddad", "Rossi", "Brown", "Patel", "Kim", "Moreau"];

    private static readonly string[] Streets = ["Mill Rd", "Oak Ave", "River St", "Hill Ln", "Lake Dr", "Church St", "Elm Ct", "Station Rd"];

    /// <summary>
    /// Most customers gave express consent when they opened their account, some written consent too (on a form that
    /// also asked to receive texts); a few gave none.
    /// </summary>
    private static void AddConsent(CustomerInput input, Random random, DateTimeOffset now)
    {
        var draw = random.NextDouble();
        if (draw < 0.04)
        {
            return;
        }

        var at = now.AddDays(-random.Next(200, 2000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        input.Consent.Add(new ConsentInput { Kind = "express", Source = "account signup", At = at });
        if (draw > 0.7)
        {
            input.Consent.Add(new ConsentInput { Kind = "expressWritten", Scope = "marketing", Source = "signed offers form", At = at });
            input.Consent.Add(new ConsentInput { Kind = "express", Scope = "sms", Source = "signed offers form", At = at });
        }
    }

    public static IReadOnlyList<ImportRow> Generate(int count, DateTimeOffset now, int seed = 20261126)
    {
        var random = new Random(seed);
        var consents = new Random(seed + 1); // its own sequence, so the customers themselves stay as they were
        var rows = new List<ImportRow>(count);
        for (var i = 1; i <= count; i++)
        {
            var area = Areas[random.Next(Areas.Length)];
            var input = new CustomerInput
            {
                Id = $"C-{1000 + i}",
                Name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                Phone = area.PhonePrefix + random.Next(2, 10) + string.Concat(Enumerable.Range(1, area.LocalDigits - 1).Select(_ => random.Next(10))),
                Area = area.Area,
                Address = $"{random.Next(1, 300)} {Streets[random.Next(Streets.Length)]}",
                TimeZone = area.TimeZone,
                Language = random.NextDouble() < 0.8 ? "en-US" : "es-US",
            };
            if (random.NextDouble() < 0.15)
            {
                input.Tags.Add("vip");
            }

            if (random.NextDouble() < 0.25)
            {
                input.Tags.Add("senior");
            }

            input.Attributes["plan"] = random.NextDouble() < 0.6 ? "basic" : "premium";
            input.Attributes["meter"] = random.NextDouble() < 0.5 ? "smart" : "analog";

            var issueCount = random.NextDouble() < 0.75 ? random.Next(1, 3) : 0;
            for (var k = 0; k < issueCount; k++)
            {
                var issue = Issues[random.Next(Issues.Length)];
                input.Issues.Add(new IssueInput
                {
                    Category = issue.Category,
                    ReportedAt = now.AddDays(-random.Next(1, 180)).AddMinutes(-random.Next(0, 1440)).ToString("O", CultureInfo.InvariantCulture),
                    Text = issue.Texts[random.Next(issue.Texts.Length)],
                });
            }

            AddConsent(input, consents, now);
            rows.Add(new ImportRow(i + 1, input, null));
        }

        return rows;
    }

    /// <summary>Past attempts for some customers, so contact-history segments have something to find.</summary>
    public static IEnumerable<(string CustomerId, ContactAttempt Attempt)> History(IReadOnlyList<ImportRow> customers, DateTimeOffset now, int seed = 7)
    {
        var random = new Random(seed);
        foreach (var row in customers)
        {
            if (random.NextDouble() > 0.4)
            {
                continue;
            }

            var attempts = random.Next(1, 4);
            for (var a = 0; a < attempts; a++)
            {
                var at = now.AddDays(-random.Next(2, 60)).AddHours(-random.Next(0, 12));
                var roll = random.NextDouble();
                var result = roll switch
                {
                    < 0.45 => CallResult.Answered,
                    < 0.75 => CallResult.NoAnswer,
                    < 0.85 => CallResult.Busy,
                    _ => CallResult.Voicemail,
                };
                Interest? interest = result == CallResult.Answered ? (Interest)random.Next(1, 4) : null;
                FollowUpKind? followUp = interest switch
                {
                    Interest.Interested => FollowUpKind.MoreInfo,
                    Interest.Neutral => FollowUpKind.Callback,
                    Interest.NotInterested => FollowUpKind.None,
                    _ => null,
                };
                yield return (row.Input!.Id!, new ContactAttempt("demo-history", $"demo-{row.Input.Id}-{a}", at, result, interest, followUp));
            }
        }
    }
}
