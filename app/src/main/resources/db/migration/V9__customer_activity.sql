-- Canonical activities (io.rapport.core.activity.CustomerActivity): what customers dealt with the company about,
-- read from the stores (Salesforce Cases and Tasks). An activity names the record of the customer it is about
-- (party_key, '<source>:<id>'), not the customer, so merges and splits carry it along; the newest version wins.
CREATE TABLE customer_activity (
    activity_key  VARCHAR(200)  NOT NULL,
    source        VARCHAR(64)   NOT NULL,
    source_id     VARCHAR(128)  NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    party_key     VARCHAR(200),
    subject       VARCHAR(1024),
    status        VARCHAR(128),
    priority      VARCHAR(64),
    channel       VARCHAR(64),
    closed        BOOLEAN       NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    due_date      DATE,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customer_activity PRIMARY KEY (activity_key)
);
CREATE INDEX ix_customer_activity_party ON customer_activity (party_key);
