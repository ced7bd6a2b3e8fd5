using System.Globalization;
using System.Text;
using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;

namespace Campaign.Storage.Sqlite;

/// <summary>
/// Turns a criteria tree into a SQL condition over <c>customers c</c>. Leaves on child tables are written as
/// <c>c.pk IN (…)</c> so SQLite can drive the query from the child table's index instead of scanning every customer.
/// </summary>
internal sealed class CriteriaSqlCompiler(DateTimeOffset now)
{
    private readonly StringBuilder _sql = new();
    private readonly List<KeyValuePair<string, object>> _parameters = [];

    public static (string Where, IReadOnlyList<KeyValuePair<string, object>> Parameters) Compile(SegmentCriteria criteria, DateTimeOffset now, bool excludeDoNotCall = true)
    {
        var compiler = new CriteriaSqlCompiler(now);
        compiler.Write(criteria);
        if (excludeDoNotCall)
        {
            compiler._sql.Append(" AND NOT EXISTS (SELECT 1 FROM do_not_call d WHERE d.phone = c.phone)");
        }

        return (compiler._sql.ToString(), compiler._parameters);
    }

    private void Write(SegmentCriteria criteria)
    {
        switch (criteria)
        {
            case AllCriteria all:
                WriteJoined(all.Items, " AND ", emptyValue: "1");
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
                _sql.Append("c.pk IN (SELECT customer_pk FROM customer_issues WHERE category = ").Append(Parameter(issue.Category));
                if (issue.WithinDays is { } days)
                {
                    _sql.Append(" AND reported_at >= ").Append(Parameter(DaysAgo(days)));
                }

                _sql.Append(')');
                break;
            case AreaCriteria area:
                _sql.Append("c.area IN (").Append(string.Join(", ", area.Areas.Select(a => Parameter(a)))).Append(')');
                break;
            case TagCriteria tag:
                _sql.Append("c.pk IN (SELECT customer_pk FROM customer_tags WHERE tag = ").Append(Parameter(tag.Tag)).Append(')');
                break;
            case AttributeCriteria attribute:
                _sql.Append("c.pk IN (SELECT customer_pk FROM customer_attributes WHERE name = ").Append(Parameter(attribute.Name))
                    .Append(" AND value = ").Append(Parameter(attribute.EqualsValue)).Append(')');
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
