using Campaign.Abstractions.Customers;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// The keys of the customer index (<see cref="PostingTable"/>): one per criterion value a customer can match, such as
/// <c>area|riverside</c> or <c>tag|vip</c>. Values are lower-cased so that matching ignores case, as the embedded
/// store does. A few keys carry a number per customer (the time of the last contact, answer or issue report) so that
/// "since" criteria are answered from the index too.
/// </summary>
internal static class PostingKeys
{
    public const string All = "all";
    public const string DoNotCall = "dnc";
    public const string HasArea = "has|area";
    public const string HasAddress = "has|address";
    public const string HasIssue = "has|issue";
    public const string Contacted = "contacted";
    public const string Answered = "answered";
    public const string AreaPrefix = "area|";
    public const string TimeZonePrefix = "tz|";
    public const string PhonePrefix = "phone|";

    public static string Area(string area) => AreaPrefix + TableKeys.FoldedPart(area);

    /// <summary>Valued with the latest report time (Unix seconds; an issue with no date counts as 1970).</summary>
    public static string Issue(string category) => TableKeys.Join("issue", TableKeys.FoldedPart(category));

    public static string Tag(string tag) => TableKeys.Join("tag", TableKeys.FoldedPart(tag));

    public static string Attribute(string name, string value) => TableKeys.Join("attr", TableKeys.FoldedPart(name), TableKeys.FoldedPart(value));

    /// <summary>The prefix of every value of one attribute; such keys carry no label, the value is the key's last part.</summary>
    public static string AttributeValuesPrefix(string name) => TableKeys.Join("attr", TableKeys.FoldedPart(name), "");

    /// <summary>The attribute is present with a non-empty value.</summary>
    public static string HasAttribute(string name) => TableKeys.Join("hasattr", TableKeys.FoldedPart(name));

    public static string Interest(Interest interest) => TableKeys.Join("interest", interest.ToString());

    /// <summary>The time zone as written (zone ids are not folded); the rows carry it whole in their label.</summary>
    public static string TimeZone(string zone) => TimeZonePrefix + TableKeys.Part(zone);

    /// <summary>The customer's phone number: kept in the number rows (<see cref="CustomerNumbers"/>), not the index table.</summary>
    public static string Phone(string phone) => PhonePrefix + TableKeys.Escape(phone);

    /// <summary>Every key the customer holds, with its value (0 for keys without one), and the label of each key.</summary>
    public static Dictionary<string, PostingEntry> Of(CustomerRecord customer)
    {
        var profile = customer.Profile;
        var keys = new Dictionary<string, PostingEntry>(StringComparer.Ordinal) { [All] = new(0, ""), [Phone(profile.Phone)] = new(0, profile.Phone) };
        if (!string.IsNullOrEmpty(profile.Area))
        {
            keys[Area(profile.Area)] = new(0, profile.Area.ToLowerInvariant());
            keys[HasArea] = new(0, "");
        }

        if (!string.IsNullOrEmpty(profile.Address))
        {
            keys[HasAddress] = new(0, "");
        }

        if (!string.IsNullOrEmpty(profile.TimeZone))
        {
            keys[TimeZone(profile.TimeZone)] = new(0, profile.TimeZone);
        }

        foreach (var issue in profile.Issues)
        {
            var key = Issue(issue.Category);
            var reported = Math.Max(0, (issue.ReportedAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeSeconds());
            keys[key] = new(keys.TryGetValue(key, out var known) ? Math.Max(known.Value, reported) : reported, "");
            keys[HasIssue] = new(0, "");
        }

        foreach (var tag in profile.Tags)
        {
            keys[Tag(tag)] = new(0, "");
        }

        foreach (var (name, value) in profile.Attributes)
        {
            keys[Attribute(name, value)] = new(0, "");
            if (!string.IsNullOrEmpty(value))
            {
                keys[HasAttribute(name)] = new(0, "");
            }
        }

        if (customer.LastContactedAt is { } contacted)
        {
            keys[Contacted] = new(Math.Max(0, contacted.ToUnixTimeSeconds()), "");
        }

        if (customer.LastAnsweredAt is { } answered)
        {
            keys[Answered] = new(Math.Max(0, answered.ToUnixTimeSeconds()), "");
        }

        if (customer.LastInterest is { } interest)
        {
            keys[Interest(interest)] = new(0, "");
        }

        if (customer.DoNotCall)
        {
            keys[DoNotCall] = new(0, "");
        }

        return keys;
    }
}

/// <summary>A customer's entry under one index key: the key's number for the customer and the text the key stands for.</summary>
internal readonly record struct PostingEntry(long Value, string Label);
