using Campaign.Abstractions.Customers;

namespace Campaign.Storage.AzureTables;

/// <summary>
/// Row keys inside a customer partition: <c>c|{id}</c> the profile, <c>a|{id}|{callId}</c> a contact attempt,
/// <c>x|{kind}|{value…}|{id}</c> an index row (no properties; the key is the data). Values are lower-cased so that
/// matching ignores case, as the embedded store does.
/// </summary>
internal static class CustomerRowKeys
{
    public const string ProfilePrefix = "c|";
    public const string DoNotCallPrefix = "x|dnc|";
    public const string AddressPrefix = "x|has|address|";
    public const string AreaPrefix = "x|area|";
    public const string IssuePrefix = "x|issue|";
    public const string ContactedPrefix = "x|contacted|";
    public const string AnsweredPrefix = "x|answered|";

    public static string Profile(string id) => ProfilePrefix + TableKeys.Escape(id);

    public static string AttemptPrefix(string id) => TableKeys.Join("a", TableKeys.Escape(id), "");

    public static string Attempt(string id, string callId) => AttemptPrefix(id) + TableKeys.Escape(callId);

    public static string Area(string area) => TableKeys.Join("x", "area", TableKeys.FoldedPart(area), "");

    public static string Issue(string category) => TableKeys.Join("x", "issue", TableKeys.FoldedPart(category), "");

    public static string IssueSince(string category, DateTimeOffset since) => Issue(category) + TableKeys.Seconds(since) + TableKeys.Separator;

    public static string Tag(string tag) => TableKeys.Join("x", "tag", TableKeys.FoldedPart(tag), "");

    public static string Attribute(string name, string value) => TableKeys.Join("x", "attr", TableKeys.FoldedPart(name), TableKeys.FoldedPart(value), "");

    public static string AttributeName(string name) => TableKeys.Join("x", "attr", TableKeys.FoldedPart(name), "");

    public static string Phone(string phone) => TableKeys.Join("x", "phone", TableKeys.Part(phone), "");

    public static string Interest(Interest interest) => TableKeys.Join("x", "interest", interest.ToString(), "");

    public static string ContactedSince(DateTimeOffset since) => ContactedPrefix + TableKeys.Seconds(since) + TableKeys.Separator;

    public static string AnsweredSince(DateTimeOffset since) => AnsweredPrefix + TableKeys.Seconds(since) + TableKeys.Separator;

    /// <summary>Every index row a customer in this state has.</summary>
    public static HashSet<string> IndexRows(CustomerRecord customer)
    {
        var profile = customer.Profile;
        var id = TableKeys.Escape(profile.Id);
        var rows = new HashSet<string>(StringComparer.Ordinal) { Phone(profile.Phone) + id };
        if (!string.IsNullOrEmpty(profile.Area))
        {
            rows.Add(Area(profile.Area) + id);
        }

        if (!string.IsNullOrEmpty(profile.Address))
        {
            rows.Add(AddressPrefix + id);
        }

        foreach (var issue in profile.Issues)
        {
            rows.Add(Issue(issue.Category) + TableKeys.Seconds(issue.ReportedAt ?? DateTimeOffset.UnixEpoch) + TableKeys.Separator + id);
        }

        foreach (var tag in profile.Tags)
        {
            rows.Add(Tag(tag) + id);
        }

        foreach (var (name, value) in profile.Attributes)
        {
            rows.Add(Attribute(name, value) + id);
        }

        if (customer.LastContactedAt is { } contacted)
        {
            rows.Add(ContactedSince(contacted) + id);
        }

        if (customer.LastAnsweredAt is { } answered)
        {
            rows.Add(AnsweredSince(answered) + id);
        }

        if (customer.LastInterest is { } interest)
        {
            rows.Add(Interest(interest) + id);
        }

        if (customer.DoNotCall)
        {
            rows.Add(DoNotCallPrefix + id);
        }

        return rows;
    }
}
