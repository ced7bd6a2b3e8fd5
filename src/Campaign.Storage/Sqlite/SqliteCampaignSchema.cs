namespace Campaign.Storage.Sqlite;

/// <summary>Tables of the campaign engine: work lists (audience snapshots), finished calls and dial decisions.</summary>
internal static class SqliteCampaignSchema
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS campaign_work (
            campaign_id TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            customer_id TEXT NOT NULL,
            segment_id  TEXT,
            time_zone   TEXT NOT NULL,
            state       TEXT NOT NULL,
            attempts    INTEGER NOT NULL,
            due_at      INTEGER NOT NULL,
            call_id     TEXT,
            last_result TEXT,
            updated_at  INTEGER NOT NULL,
            PRIMARY KEY (campaign_id, seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_work_due ON campaign_work (campaign_id, state, due_at, seq);

        CREATE TABLE IF NOT EXISTS calls (
            call_id     TEXT PRIMARY KEY,
            campaign_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            segment_id  TEXT,
            attempt     INTEGER NOT NULL,
            result      TEXT,
            started_at  INTEGER,
            answered_at INTEGER,
            ended_at    INTEGER,
            interest    TEXT,
            follow_up   TEXT,
            opted_out   INTEGER NOT NULL DEFAULT 0,
            local_hour  INTEGER,
            weekday     INTEGER,
            record_json TEXT NOT NULL,
            first_audio_ms INTEGER,
            abandoned   INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_calls_campaign ON calls (campaign_id, started_at);
        CREATE INDEX IF NOT EXISTS ix_calls_campaign_customer ON calls (campaign_id, customer_id, started_at);
        CREATE INDEX IF NOT EXISTS ix_calls_started ON calls (started_at);

        -- Dial decisions, written before each dial (at: Unix milliseconds). Never holds a name or a transcript.
        CREATE TABLE IF NOT EXISTS dial_decisions (
            seq         INTEGER PRIMARY KEY,
            at          INTEGER NOT NULL,
            campaign_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            call_id     TEXT,
            decision    TEXT NOT NULL,
            record_json TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_decisions_customer ON dial_decisions (customer_id, seq);
        CREATE INDEX IF NOT EXISTS ix_decisions_campaign ON dial_decisions (campaign_id, decision, seq);
        CREATE INDEX IF NOT EXISTS ix_decisions_at ON dial_decisions (at);
        """;
}
