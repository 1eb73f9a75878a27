-- Portable across H2 (embedded default) and PostgreSQL: standard types only, no vendor upsert syntax.

-- Message Store: every customer record as its source last stated it, one row per (source, source_id).
CREATE TABLE source_record (
    source          VARCHAR(64)      NOT NULL,
    source_id       VARCHAR(1024)    NOT NULL,
    fields_json     VARCHAR(1048576) NOT NULL,
    content_hash    CHAR(64)         NOT NULL,
    first_stored_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_import_id  VARCHAR(64)      NOT NULL,
    last_row        BIGINT           NOT NULL,
    CONSTRAINT pk_source_record PRIMARY KEY (source, source_id)
);

-- Idempotent Receiver: one row per message a stage has applied. A redelivered message finds its key and is
-- acknowledged without applying its effect a second time.
CREATE TABLE inbound_receipt (
    message_key VARCHAR(200) NOT NULL,
    stage       VARCHAR(64)  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_inbound_receipt PRIMARY KEY (message_key)
);
CREATE INDEX ix_inbound_receipt_stage ON inbound_receipt (stage);

-- One row per import (REST call or dropped file): what was accepted, what was rejected and why.
CREATE TABLE import_run (
    import_id        VARCHAR(64)      NOT NULL,
    source           VARCHAR(64)      NOT NULL,
    origin           VARCHAR(1024)    NOT NULL,
    status           VARCHAR(16)      NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    rows_read        BIGINT           NOT NULL,
    rows_accepted    BIGINT           NOT NULL,
    rows_rejected    BIGINT           NOT NULL,
    failure          VARCHAR(4000),
    rejections_json  VARCHAR(10485760),
    CONSTRAINT pk_import_run PRIMARY KEY (import_id)
);
