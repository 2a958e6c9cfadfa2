-- Slack's retried events are now recognised by their event id in slack_request, with the signed
-- requests and the forms (Slack retries within minutes; that table keeps ten). This one is no longer read.
DROP TABLE slack_event;
