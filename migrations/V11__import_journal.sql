-- What is loaded, and how to take an import back.
-- import_log says who imported what, which months it covered, and whether it was taken back.
-- The undo_* tables hold, for the latest imports, exactly what each one replaced: the tables it
-- touched as they were before it (whole account, attribute, subscription and reason tables, which
-- are small; only the replaced months of the ledger). An undo puts them back in one transaction.
ALTER TABLE import_log ADD COLUMN imported_by VARCHAR(200);
ALTER TABLE import_log ADD COLUMN first_month DATE;
ALTER TABLE import_log ADD COLUMN last_month DATE;
ALTER TABLE import_log ADD COLUMN undoable BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE import_log ADD COLUMN undone_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_log ADD COLUMN undone_by VARCHAR(200);

-- Which tables an import's journal holds a before-image of (account, account_attribute, subscription, reason_record).
CREATE TABLE undo_table (
    import_id  BIGINT      NOT NULL,
    table_name VARCHAR(40) NOT NULL,
    PRIMARY KEY (import_id, table_name)
);

CREATE TABLE undo_account (
    import_id    BIGINT       NOT NULL,
    account_id   VARCHAR(200) NOT NULL,
    name         VARCHAR(500) NOT NULL,
    csm_email    VARCHAR(320),
    renewal_date DATE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_id, account_id)
);

CREATE TABLE undo_attribute (
    import_id  BIGINT       NOT NULL,
    account_id VARCHAR(200) NOT NULL,
    attr_name  VARCHAR(100) NOT NULL,
    attr_value VARCHAR(500) NOT NULL,
    PRIMARY KEY (import_id, account_id, attr_name)
);

CREATE TABLE undo_subscription (
    import_id       BIGINT       NOT NULL,
    subscription_id VARCHAR(200) NOT NULL,
    account_id      VARCHAR(200) NOT NULL,
    start_date      DATE         NOT NULL,
    end_date        DATE,
    mrr_cents       BIGINT       NOT NULL,
    PRIMARY KEY (import_id, subscription_id)
);

CREATE TABLE undo_reason_record (
    import_id   BIGINT        NOT NULL,
    record_key  VARCHAR(420)  NOT NULL,
    event_id    VARCHAR(200),
    account_id  VARCHAR(200)  NOT NULL,
    event_date  DATE          NOT NULL,
    reason_code VARCHAR(100)  NOT NULL,
    note        VARCHAR(4000),
    seq         BIGINT        NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_id, record_key)
);

-- A replaced month: source and imported_at are NULL when no import covered it before.
CREATE TABLE undo_month (
    import_id    BIGINT      NOT NULL,
    ledger_month DATE        NOT NULL,
    source       VARCHAR(40),
    imported_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (import_id, ledger_month)
);

CREATE TABLE undo_ledger (
    import_id    BIGINT       NOT NULL,
    ledger_month DATE         NOT NULL,
    account_id   VARCHAR(200) NOT NULL,
    mrr_cents    BIGINT       NOT NULL,
    PRIMARY KEY (import_id, ledger_month, account_id)
);

-- Reason codes an import added (--add-unknown-reasons): an undo removes them when nothing uses them.
CREATE TABLE undo_reason_code (
    import_id BIGINT       NOT NULL,
    code      VARCHAR(100) NOT NULL,
    PRIMARY KEY (import_id, code)
);
