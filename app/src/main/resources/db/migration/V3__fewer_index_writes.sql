-- Every index is one more B-tree page rewritten per stored record (H2 writes whole pages, copy on write), and
-- record keys arrive in no particular order. These three indexes cost about a tenth of the resolution
-- pipeline's time (docs/performance.md) for lookups that can do without them.

-- The pipeline status counted a stage's receipts on every call (a scan of a growing index, polled by clients):
-- a counter row per stage, kept in the transaction that writes the receipts, replaces it.
CREATE TABLE stage_progress (
    stage    VARCHAR(64) NOT NULL,
    applied  BIGINT      NOT NULL,
    CONSTRAINT pk_stage_progress PRIMARY KEY (stage)
);
INSERT INTO stage_progress (stage, applied) SELECT stage, COUNT(*) FROM inbound_receipt GROUP BY stage;
DROP INDEX ix_inbound_receipt_stage;

-- Stored records are now looked up by (source, source_id) IN ((?, ?), ...), which uses the primary key.
DROP INDEX ix_source_record_source_id;

-- The review queue (POSSIBLE links between two customers) is read by data stewards, not per record: it scans
-- record_link instead of keeping an index on a column with four values.
DROP INDEX ix_record_link_kind;
