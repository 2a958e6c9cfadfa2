-- Who may do what in Slack. Admins also come from NRR_ADMINS; everyone else is a viewer.
CREATE TABLE slack_role (
    user_id    VARCHAR(40)  NOT NULL PRIMARY KEY,
    role_name  VARCHAR(20)  NOT NULL,
    granted_by VARCHAR(40)  NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT slack_role_name CHECK (role_name IN ('admin', 'cs_leader', 'viewer'))
);

-- The person who owns each function's part of NRR (set with /nrr owner).
CREATE TABLE function_owner (
    function_code VARCHAR(40) NOT NULL PRIMARY KEY,
    user_id       VARCHAR(40) NOT NULL,
    set_by        VARCHAR(40) NOT NULL,
    set_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Events already handled, so Slack's retries (X-Slack-Retry-Num) are not handled twice by any instance.
CREATE TABLE slack_event (
    event_id    VARCHAR(100) NOT NULL PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
