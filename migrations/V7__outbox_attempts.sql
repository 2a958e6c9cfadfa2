-- Delivery claims one message at a time and records when its send began (sending_since, renewed
-- with claimed_until while Slack answers). A claim that lapsed while a send was under way may have
-- reached Slack, which has no idempotency key for chat.postMessage: such a message is not sent again
-- but marked unknown_at (docs/security.md, "Delivery: what exactly once means").
ALTER TABLE outbox ADD COLUMN sending_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN unknown_at TIMESTAMP WITH TIME ZONE;
