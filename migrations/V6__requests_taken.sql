-- Signed requests already acted on, and forms already submitted, so the same signed bytes replayed
-- within Slack's five-minute window (or a double submit) act once, on whichever instance they reach.
-- Rows older than the window are deleted as new ones come.
CREATE TABLE slack_request (
    request_key VARCHAR(120) NOT NULL PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX slack_request_received ON slack_request (received_at);
