-- The early-warning signals (tickets, product usage, surveys, invoices, account events) that the
-- health score reads beside the revenue. Each is imported like the revenue data: one transaction with
-- its import_log entry, and a journal (the undo_ tables below) so that undo takes it back exactly.
-- Account ids are not foreign keys: a signal file may be imported before the accounts it names.

-- A ticket is known by its id: a re-export with the ticket now closed updates its row.
CREATE TABLE signal_ticket (
    ticket_id              VARCHAR(200) NOT NULL PRIMARY KEY,
    account_id             VARCHAR(200) NOT NULL,
    opened_on              DATE         NOT NULL,
    closed_on              DATE,
    priority               VARCHAR(10)  NOT NULL,
    first_response_minutes INTEGER,
    satisfaction           DOUBLE PRECISION,
    escalated              BOOLEAN      NOT NULL
);
CREATE INDEX signal_ticket_account ON signal_ticket (account_id);

-- Usage folded per account, day and feature: millions of events stay a few entries per account-day.
-- A usage file is the whole truth for each day it names (like a month of the ledger), so nothing ever
-- looks up or changes one entry: a day is written whole and read whole. It is therefore stored as ONE
-- RECORD PER DAY (or per day and bucket, when a day's text would pass 250,000 characters: each record
-- stays under 1 MB), its entries as lines "account TAB feature TAB count TAB duration_seconds TAB errors"
-- in account then feature order (dev.nrrbot.signals.UsageEntries reads and writes them). An import is
-- then one insert per day instead of one B-tree insert per (day, account, feature): with a row per
-- entry the import ran at ~29,000 rows/s on H2 and ~30,500 on PostgreSQL, and H2's own CSVREAD into a
-- table with that key managed only 21,400 rows/s, so the row per entry was the limit.
-- entry_count and account_day_count (the account-days the record starts; an account split across two
-- buckets counts in the first) let the status add up without reading the text.
-- VARCHAR(1000000): inline text on both H2 (its largest VARCHAR) and PostgreSQL, no LOB handling.
CREATE TABLE signal_usage (
    usage_day         DATE             NOT NULL,
    bucket            INTEGER          NOT NULL,
    entry_count       INTEGER          NOT NULL,
    account_day_count INTEGER          NOT NULL,
    entries           VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (usage_day, bucket)
);

-- survey_key: 'id:' and the response id, or the account, the day and the row's place among the
-- rows sharing them (like reason records without an id).
CREATE TABLE signal_survey (
    survey_key   VARCHAR(420) NOT NULL PRIMARY KEY,
    response_id  VARCHAR(200),
    account_id   VARCHAR(200) NOT NULL,
    survey_day   DATE         NOT NULL,
    score        INTEGER      NOT NULL,
    scale        VARCHAR(10)  NOT NULL,
    comment_text VARCHAR(4000)
);

CREATE TABLE signal_invoice (
    invoice_id     VARCHAR(200) NOT NULL PRIMARY KEY,
    account_id     VARCHAR(200) NOT NULL,
    due_on         DATE         NOT NULL,
    paid_on        DATE,
    amount_cents   BIGINT       NOT NULL,
    invoice_status VARCHAR(10)  NOT NULL
);

-- event_key as survey_key.
CREATE TABLE signal_event (
    event_key  VARCHAR(420) NOT NULL PRIMARY KEY,
    account_id VARCHAR(200) NOT NULL,
    event_day  DATE         NOT NULL,
    event_type VARCHAR(100) NOT NULL,
    note       VARCHAR(4000)
);

-- The journals. Tickets, surveys, invoices and events are kept whole as they were before the import
-- (one INSERT ... SELECT in the database, cheaper than a before-image per row written); of usage,
-- only the days the import replaced.
CREATE TABLE undo_signal_ticket (
    import_id              BIGINT       NOT NULL,
    ticket_id              VARCHAR(200) NOT NULL,
    account_id             VARCHAR(200) NOT NULL,
    opened_on              DATE         NOT NULL,
    closed_on              DATE,
    priority               VARCHAR(10)  NOT NULL,
    first_response_minutes INTEGER,
    satisfaction           DOUBLE PRECISION,
    escalated              BOOLEAN      NOT NULL,
    PRIMARY KEY (import_id, ticket_id)
);

CREATE TABLE undo_signal_survey (
    import_id    BIGINT       NOT NULL,
    survey_key   VARCHAR(420) NOT NULL,
    response_id  VARCHAR(200),
    account_id   VARCHAR(200) NOT NULL,
    survey_day   DATE         NOT NULL,
    score        INTEGER      NOT NULL,
    scale        VARCHAR(10)  NOT NULL,
    comment_text VARCHAR(4000),
    PRIMARY KEY (import_id, survey_key)
);

CREATE TABLE undo_signal_invoice (
    import_id      BIGINT       NOT NULL,
    invoice_id     VARCHAR(200) NOT NULL,
    account_id     VARCHAR(200) NOT NULL,
    due_on         DATE         NOT NULL,
    paid_on        DATE,
    amount_cents   BIGINT       NOT NULL,
    invoice_status VARCHAR(10)  NOT NULL,
    PRIMARY KEY (import_id, invoice_id)
);

CREATE TABLE undo_signal_event (
    import_id  BIGINT       NOT NULL,
    event_key  VARCHAR(420) NOT NULL,
    account_id VARCHAR(200) NOT NULL,
    event_day  DATE         NOT NULL,
    event_type VARCHAR(100) NOT NULL,
    note       VARCHAR(4000),
    PRIMARY KEY (import_id, event_key)
);

-- A day a usage import replaced (whether or not it had a record before), and its records.
CREATE TABLE undo_usage_day (
    import_id BIGINT NOT NULL,
    usage_day DATE   NOT NULL,
    PRIMARY KEY (import_id, usage_day)
);

-- the replaced day records as they were
CREATE TABLE undo_signal_usage (
    import_id         BIGINT           NOT NULL,
    usage_day         DATE             NOT NULL,
    bucket            INTEGER          NOT NULL,
    entry_count       INTEGER          NOT NULL,
    account_day_count INTEGER          NOT NULL,
    entries           VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (import_id, usage_day, bucket)
);
