using System.Globalization;
using System.Text;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;

namespace Campaign.Storage.Sqlite;

/// <summary>
/// Turns a criteria tree into a SQL condition over <c>customers c</c>. A leaf on a child table is written as
/// <c>c.pk IN (…)</c> so SQLite can drive the query from that table's index instead of scanning every customer;
/// within one <c>all</c>, only the first such leaf drives and the others become correlated <c>EXISTS</c> probes on
/// the child tables' primary keys, which is far cheaper than building a second large key list to intersect.
/// </summary>
internal sealed class CriteriaSqlCompiler(DateTimeOffset now)
{
    private readonly StringBuilder _sql = new();
    private readonly List<KeyValuePair<string, object>> _parameters = [];
    private bool _probeChildren;

    public static (string Where, IReadOnlyList<KeyValuePair<string, object>> Parameters) Compile(SegmentCriteria criteria, DateTimeOffset now, bool excludeDoNotCall = true)
    {
        var compiler = new CriteriaSqlCompiler(now);
        compiler.Write(criteria);
        if (excludeDoNotCall)
        {
            compiler._sql.Append(" AND c.pk NOT IN (SELECT customer_pk FROM do_not_call_customers)");
        }

        return (compiler._sql.ToString(), compiler._parameters);
    }

    private void Write(SegmentCriteria criteria)
    {
        switch (criteria)
        {
            case AllCriteria all:
                WriteAll(all.Items);
                break;
            case AnyCriteria any:
                WriteJoined(any.Items, " OR ", emptyValue: "0");
                break;
            case NotCriteria not:
                _sql.Append("NOT (");
                Write(not.Inner);
                _sql.Append(')');
                break;
            case IssueCategoryCriteria issue:
                WriteChild("customer_issues", issue.WithinDays is { } days
                    ? $"category = {Parameter(issue.Category)} AND reported_at >= {Parameter(DaysAgo(days))}"
                    : $"category = {Parameter(issue.Category)}");
                break;
            case AreaCriteria area:
                _sql.Append("c.area IN (").Append(string.Join(", ", area.Areas.Select(a => Parameter(a)))).Append(')');
                break;
            case TagCriteria tag:
                WriteChild("customer_tags", $"tag = {Parameter(tag.Tag)}");
                break;
            case AttributeCriteria attribute:
                WriteChild("customer_attributes", $"name = {Parameter(attribute.Name)} AND value = {Parameter(attribute.EqualsValue)}");
                break;
            case ContactCriteria contact:
                WriteContact(contact);
                break;
            case LastInterestCriteria interest:
                _sql.Append("c.last_interest = ").Append(Parameter(interest.Interest.ToString()));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(criteria), criteria.GetType().Name, "Unknown criterion");
        }
    }

    private void WriteChild(string table, string condition)
    {
        if (_probeChildren)
        {
            _sql.Append($"EXISTS (SELECT 1 FROM {table} x WHERE x.customer_pk = c.pk AND {condition})");
        }
        else
        {
            _sql.Append($"c.pk IN (SELECT customer_pk FROM {table} WHERE {condition})");
        }
    }

    private static bool IsChildLeaf(SegmentCriteria criteria) => criteria is IssueCategoryCriteria or TagCriteria or AttributeCriteria;

    private void WriteContact(ContactCriteria contact)
    {
        switch (contact.Condition)
        {
            case ContactCondition.NeverContacted:
                _sql.Append("c.last_contacted_at IS NULL");
                break;
            case ContactCondition.NeverAnswered:
                _sql.Append("c.last_answered_at IS NULL");
                break;
            case ContactCondition.NotContactedForDays:
                _sql.Append("(c.last_contacted_at IS NULL OR c.last_contacted_at < ").Append(Parameter(DaysAgo(contact.Days!.Value))).Append(')');
                break;
            case ContactCondition.AnsweredWithinDays:
                _sql.Append("c.last_answered_at >= ").Append(Parameter(DaysAgo(contact.Days!.Value)));
                break;
        }
    }

    private void WriteAll(IReadOnlyList<SegmentCriteria> items)
    {
        if (items.Count == 0)
        {
            _sql.Append('1');
            return;
        }

        var outer = _probeChildren;
        var driverTaken = false;
        _sql.Append('(');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _sql.Append(" AND ");
            }

            var isChild = IsChildLeaf(items[i]);
            _probeChildren = isChild ? driverTaken : outer;
            driverTaken |= isChild;
            Write(items[i]);
        }

        _probeChildren = outer;
        _sql.Append(')');
    }

    private void WriteJoined(IReadOnlyList<SegmentCriteria> items, string separator, string emptyValue)
    {
        if (items.Count == 0)
        {
            _sql.Append(emptyValue);
            return;
        }

        _sql.Append('(');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _sql.Append(separator);
            }

            Write(items[i]);
        }

        _sql.Append(')');
    }

    private long DaysAgo(int days) => now.AddDays(-days).ToUnixTimeSeconds();

    private string Parameter(object value)
    {
        var name = "$p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new(name, value));
        return name;
    }
}
