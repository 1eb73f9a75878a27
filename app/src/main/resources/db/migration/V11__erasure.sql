-- Right to be forgotten (docs/privacy.md). Portable across H2 and PostgreSQL. Nothing here holds a person's data:
-- customer ids are the hub's own opaque ids, store keys are the stores' opaque record ids (Salesforce ids, ERP
-- partner numbers), suppressed source keys are SHA-256 hashes.

-- The audit record of each request: who asked, why (a ticket reference; the reason must not name the person), when,
-- what the hub erased (rows per table, as JSON) and when every store confirmed. One request per customer: asking
-- again answers the first one.
CREATE TABLE erasure_request (
    request_id    VARCHAR(36)   NOT NULL,
    customer_id   VARCHAR(64)   NOT NULL,
    requested_by  VARCHAR(128)  NOT NULL,
    reason        VARCHAR(500),
    reference     VARCHAR(200),
    status        VARCHAR(16)   NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE,
    erased_json   VARCHAR(8192) NOT NULL,
    CONSTRAINT pk_erasure_request PRIMARY KEY (request_id)
);
CREATE UNIQUE INDEX ux_erasure_request_customer ON erasure_request (customer_id);

-- Deletions still owed to the stores: written in the transaction that erased the hub's copy (a Transactional Outbox),
-- retried with backoff until the store confirms. status: PENDING, DONE, FAILED (last_error says why).
CREATE TABLE erasure_store_task (
    request_id       VARCHAR(36)   NOT NULL,
    store            VARCHAR(64)   NOT NULL,
    store_keys       VARCHAR(8192) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    last_error       VARCHAR(1000),
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    outcome          VARCHAR(1000),
    CONSTRAINT pk_erasure_store_task PRIMARY KEY (request_id, store)
);
CREATE INDEX ix_erasure_store_task_status ON erasure_store_task (status, next_attempt_at);

-- Source records of erased people, by the hash of their key ('<source>:<source id>'): a late delivery of one (an
-- event in flight, a re-import, a store's echo of the deletion) is dropped at intake instead of bringing the person
-- back. dropped counts such deliveries.
CREATE TABLE erasure_suppression (
    key_hash       CHAR(64)     NOT NULL,
    request_id     VARCHAR(36)  NOT NULL,
    suppressed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    dropped        BIGINT       NOT NULL,
    CONSTRAINT pk_erasure_suppression PRIMARY KEY (key_hash)
);
