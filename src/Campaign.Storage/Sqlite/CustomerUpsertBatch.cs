using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Microsoft.Data.Sqlite;

namespace Campaign.Storage.Sqlite;

/// <summary>Writes a batch of profiles inside one transaction with prepared statements reused for every row.</summary>
internal sealed class CustomerUpsertBatch
{
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _clearChildren;
    private readonly SqliteCommand _insertIssue;
    private readonly SqliteCommand _insertTag;
    private readonly SqliteCommand _insertAttribute;
    private readonly SqliteCommand _unmarkDoNotCall;
    private readonly SqliteCommand _markDoNotCall;
    private readonly long _now;

    public CustomerUpsertBatch(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
    {
        _now = now.ToUnixTimeSeconds();
        SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter, SqliteType.Text);
            }

            return command;
        }

        string[] profileParameters = ["$id", "$name", "$phone", "$area", "$address", "$tz", "$lang", "$tags", "$attrs", "$issues", "$consent", "$now"];
        _find = Prepare("SELECT pk, consent_json FROM customers WHERE id = $id", "$id");
        _insert = Prepare("""
            INSERT INTO customers (id, name, phone, area, address, time_zone, language, tags_json, attributes_json, issues_json, consent_json, created_at, updated_at)
            VALUES ($id, $name, $phone, $area, $address, $tz, $lang, $tags, $attrs, $issues, $consent, $now, $now) RETURNING pk
            """, profileParameters);
        _update = Prepare("""
            UPDATE customers SET name = $name, phone = $phone, area = $area, address = $address, time_zone = $tz,
                language = $lang, tags_json = $tags, attributes_json = $attrs, issues_json = $issues, consent_json = $consent, updated_at = $now
            WHERE id = $id
            """, profileParameters);
        _clearChildren = Prepare("""
            DELETE FROM customer_issues WHERE customer_pk = $pk;
            DELETE FROM customer_tags WHERE customer_pk = $pk;
            DELETE FROM customer_attributes WHERE customer_pk = $pk;
            """, "$pk");
        _insertIssue = Prepare("INSERT INTO customer_issues (customer_pk, seq, category, reported_at) VALUES ($pk, $seq, $category, $at)",
            "$pk", "$seq", "$category", "$at");
        _insertTag = Prepare("INSERT OR IGNORE INTO customer_tags (customer_pk, tag) VALUES ($pk, $tag)", "$pk", "$tag");
        _unmarkDoNotCall = Prepare("DELETE FROM do_not_call_customers WHERE customer_pk = $pk", "$pk");
        _markDoNotCall = Prepare(
            "INSERT OR IGNORE INTO do_not_call_customers SELECT $pk WHERE EXISTS (SELECT 1 FROM do_not_call WHERE phone = $phone)",
            "$pk",
            "$phone");
        _insertAttribute = Prepare("INSERT OR REPLACE INTO customer_attributes (customer_pk, name, value) VALUES ($pk, $name, $value)",
            "$pk", "$name", "$value");
    }

    public UpsertCounts Run(IReadOnlyList<CustomerProfile> customers)
    {
        int inserted = 0, updated = 0;
        foreach (var customer in customers)
        {
            _find.Parameters["$id"].Value = customer.Id;
            long? existing = null;
            string? storedConsent = null;
            using (var reader = _find.ExecuteReader())
            {
                if (reader.Read())
                {
                    existing = reader.GetInt64(0);
                    storedConsent = reader.IsDBNull(1) ? null : reader.GetString(1);
                }
            }

            long pk;
            if (existing is long found)
            {
                Bind(_update, customer with { Consent = ConsentHistory.Merge(ConsentJson.Read(storedConsent), customer.Consent) });
                _update.ExecuteNonQuery();
                pk = found;
                _clearChildren.Parameters["$pk"].Value = pk;
                _clearChildren.ExecuteNonQuery();
                _unmarkDoNotCall.Parameters["$pk"].Value = pk;
                _unmarkDoNotCall.ExecuteNonQuery();
                updated++;
            }
            else
            {
                Bind(_insert, customer);
                pk = (long)_insert.ExecuteScalar()!;
                inserted++;
            }

            _markDoNotCall.Parameters["$pk"].Value = pk;
            _markDoNotCall.Parameters["$phone"].Value = customer.Phone;
            _markDoNotCall.ExecuteNonQuery();
            WriteChildren(pk, customer);
        }

        return new UpsertCounts(inserted, updated);
    }

    private void WriteChildren(long pk, CustomerProfile customer)
    {
        for (var i = 0; i < customer.Issues.Count; i++)
        {
            _insertIssue.Parameters["$pk"].Value = pk;
            _insertIssue.Parameters["$seq"].Value = i;
            _insertIssue.Parameters["$category"].Value = customer.Issues[i].Category;
            _insertIssue.Parameters["$at"].Value = (object?)customer.Issues[i].ReportedAt?.ToUnixTimeSeconds() ?? DBNull.Value;
            _insertIssue.ExecuteNonQuery();
        }

        foreach (var tag in customer.Tags)
        {
            _insertTag.Parameters["$pk"].Value = pk;
            _insertTag.Parameters["$tag"].Value = tag;
            _insertTag.ExecuteNonQuery();
        }

        foreach (var (name, value) in customer.Attributes)
        {
            _insertAttribute.Parameters["$pk"].Value = pk;
            _insertAttribute.Parameters["$name"].Value = name;
            _insertAttribute.Parameters["$value"].Value = value;
            _insertAttribute.ExecuteNonQuery();
        }
    }

    private void Bind(SqliteCommand command, CustomerProfile customer)
    {
        var p = command.Parameters;
        p["$id"].Value = customer.Id;
        p["$name"].Value = customer.Name;
        p["$phone"].Value = customer.Phone;
        p["$area"].Value = (object?)customer.Area ?? DBNull.Value;
        p["$address"].Value = (object?)customer.Address ?? DBNull.Value;
        p["$tz"].Value = (object?)customer.TimeZone ?? DBNull.Value;
        p["$lang"].Value = (object?)customer.Language ?? DBNull.Value;
        p["$tags"].Value = SqliteCustomerDirectory.ToJson(customer.Tags);
        p["$attrs"].Value = SqliteCustomerDirectory.ToJson(customer.Attributes);
        p["$issues"].Value = SqliteCustomerDirectory.ToJson(customer.Issues);
        p["$consent"].Value = (object?)ConsentJson.Write(customer.Consent) ?? DBNull.Value;
        p["$now"].Value = _now;
    }
}
