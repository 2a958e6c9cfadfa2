-- Reason records are events: one row per record imported, even when two share an account, a date
-- and a reason (two cancellations of one account on one day, with their own notes). record_key is
-- the record's identity, written by the importer:
--   'id:' || the file's id column (churn_event_id, event_id, ...) when the row has one;
--   'row:' || account_id || '|' || the date as YYYYMMDD || '|' || reason_code, with '|2', '|3'...
--   for the second, third... different row of one file sharing those three.
-- Re-importing a file finds each record again by its key, so it changes nothing. The records kept
-- so far had exactly one row per account, date and reason: each gets its 'row:' key, the one the
-- same file imported again would give it. event_id keeps the file's id as it was written.
CREATE TABLE reason_event (
    record_key  VARCHAR(420)  NOT NULL PRIMARY KEY,
    event_id    VARCHAR(200),
    account_id  VARCHAR(200)  NOT NULL,
    event_date  DATE          NOT NULL,
    reason_code VARCHAR(100)  NOT NULL REFERENCES reason_code (code),
    note        VARCHAR(4000),
    seq         BIGINT        NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO reason_event (record_key, event_id, account_id, event_date, reason_code, note, seq, imported_at)
SELECT 'row:' || account_id || '|'
           || CAST(CAST(EXTRACT(YEAR FROM event_date) AS INTEGER) * 10000
                   + CAST(EXTRACT(MONTH FROM event_date) AS INTEGER) * 100
                   + CAST(EXTRACT(DAY FROM event_date) AS INTEGER) AS VARCHAR(12))
           || '|' || reason_code,
       NULL, account_id, event_date, reason_code, note, seq, imported_at
FROM reason_record;

DROP TABLE reason_record;

ALTER TABLE reason_event RENAME TO reason_record;
