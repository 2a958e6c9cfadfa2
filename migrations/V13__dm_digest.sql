-- A person gets at most a few DMs a day (the dm_cap_per_day setting): a DM over the cap is kept,
-- held (held_at), and goes out in that person's next digest (digested_in names the digest's key).
-- A held message is never sent on its own; it is either in a digest or still held, never lost.
ALTER TABLE outbox ADD COLUMN held_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN digested_in VARCHAR(300);
CREATE INDEX outbox_recipient ON outbox (recipient, created_at);
