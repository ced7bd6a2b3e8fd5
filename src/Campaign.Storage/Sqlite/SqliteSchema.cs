namespace Campaign.Storage.Sqlite;

/// <summary>The tables of the embedded store. Times are Unix seconds (UTC) so range queries use plain indexes.</summary>
internal static class SqliteSchema
{
    /// <summary>Columns added after the first release, with their definitions: added to files created before them.</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("customers", "consent_json", "TEXT"),
        ("calls", "first_audio_ms", "INTEGER"),
        ("calls", "abandoned", "INTEGER NOT NULL DEFAULT 0"),
    ];

    public const string Script = """
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            etag       INTEGER NOT NULL,
            data       BLOB NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (state_name, grain_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS customers (
            pk                INTEGER PRIMARY KEY,
            id                TEXT NOT NULL UNIQUE,
            name              TEXT NOT NULL,
            phone             TEXT NOT NULL,
            area              TEXT COLLATE NOCASE,
            address           TEXT,
            time_zone         TEXT,
            language          TEXT,
            tags_json         TEXT NOT NULL,
            attributes_json   TEXT NOT NULL,
            issues_json       TEXT NOT NULL,
            consent_json      TEXT,
            created_at        INTEGER NOT NULL,
            updated_at        INTEGER NOT NULL,
            last_contacted_at INTEGER,
            last_answered_at  INTEGER,
            last_interest     TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_customers_area ON customers (area);
        CREATE INDEX IF NOT EXISTS ix_customers_phone ON customers (phone);
        CREATE INDEX IF NOT EXISTS ix_customers_last_contacted ON customers (last_contacted_at) WHERE last_contacted_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_customers_last_answered ON customers (last_answered_at) WHERE last_answered_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_customers_last_interest ON customers (last_interest) WHERE last_interest IS NOT NULL;

        CREATE TABLE IF NOT EXISTS customer_issues (
            customer_pk INTEGER NOT NULL REFERENCES customers (pk) ON DELETE CASCADE,
            seq         INTEGER NOT NULL,
            category    TEXT NOT NULL COLLATE NOCASE,
            reported_at INTEGER,
            PRIMARY KEY (customer_pk, seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_issues_category ON customer_issues (category, reported_at, customer_pk);

        CREATE TABLE IF NOT EXISTS customer_tags (
            customer_pk INTEGER NOT NULL REFERENCES customers (pk) ON DELETE CASCADE,
            tag         TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (customer_pk, tag)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_tags_tag ON customer_tags (tag, customer_pk);

        CREATE TABLE IF NOT EXISTS customer_attributes (
            customer_pk INTEGER NOT NULL REFERENCES customers (pk) ON DELETE CASCADE,
            name        TEXT NOT NULL COLLATE NOCASE,
            value       TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (customer_pk, name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_attributes_name_value ON customer_attributes (name, value, customer_pk);

        CREATE TABLE IF NOT EXISTS contact_attempts (
            call_id     TEXT PRIMARY KEY,
            customer_pk INTEGER NOT NULL REFERENCES customers (pk) ON DELETE CASCADE,
            campaign_id TEXT NOT NULL,
            at          INTEGER NOT NULL,
            result      TEXT NOT NULL,
            interest    TEXT,
            follow_up   TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_contact_customer ON contact_attempts (customer_pk, at);

        CREATE TABLE IF NOT EXISTS do_not_call (
            phone  TEXT PRIMARY KEY,
            reason TEXT,
            source TEXT NOT NULL,
            at     INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- The customers whose number is on the list, by key, so audience queries exclude them without reading rows.
        CREATE TABLE IF NOT EXISTS do_not_call_customers (
            customer_pk INTEGER PRIMARY KEY
        );
        INSERT OR IGNORE INTO do_not_call_customers SELECT c.pk FROM do_not_call d JOIN customers c ON c.phone = d.phone;

        CREATE TABLE IF NOT EXISTS do_not_call_log (
            seq    INTEGER PRIMARY KEY,
            phone  TEXT NOT NULL,
            action TEXT NOT NULL,
            reason TEXT,
            source TEXT NOT NULL,
            at     INTEGER NOT NULL
        );

        -- Orleans reminders. start_at is Unix milliseconds; grain_hash is the grain id's uniform hash (0 to 2^32-1),
        -- which decides the silo that owns the reminder.
        CREATE TABLE IF NOT EXISTS reminders (
            grain_id      TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash    INTEGER NOT NULL,
            start_at      INTEGER NOT NULL,
            period_ms     INTEGER NOT NULL,
            etag          INTEGER NOT NULL,
            PRIMARY KEY (grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_reminders_grain_hash ON reminders (grain_hash);
        """;
}
