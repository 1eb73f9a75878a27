-- Records deleted in a synced store (docs/sync.md, Deletes), one row per deleted record, and what the hub did about
-- it per onDelete in config/sync-policy.yaml: FLAGGED (nothing else deleted; for a person to decide), PROPAGATING
-- (the customer's records in the other stores are being deleted), PROPAGATED (they are), NOT_SYNCED (the record
-- was not the one the hub keeps in sync for any customer, e.g. a duplicate: nothing else is touched).
CREATE TABLE sync_deletion (
    store         VARCHAR(64)  NOT NULL,
    store_key     VARCHAR(128) NOT NULL,
    customer_id   VARCHAR(64),
    action        VARCHAR(16)  NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_sync_deletion PRIMARY KEY (store, store_key)
);
CREATE INDEX ix_sync_deletion_customer ON sync_deletion (customer_id);

-- Which customer each store record the hub keeps in sync belongs to (the store keys in sync_state, indexed): a
-- deletion event names only the store's key, and a record the hub created there never came back as a member.
CREATE TABLE sync_store_record (
    store         VARCHAR(64)  NOT NULL,
    store_key     VARCHAR(128) NOT NULL,
    customer_id   VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_sync_store_record PRIMARY KEY (store, store_key)
);
CREATE INDEX ix_sync_store_record_customer ON sync_store_record (customer_id);
