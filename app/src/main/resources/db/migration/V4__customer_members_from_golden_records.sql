-- A customer's records are found through the member list of its golden record (written in the same transaction as
-- each record's customer_id), so the customer_id index no longer pays for the B-tree page every stored or moved
-- record rewrote in it (docs/performance.md). The xref export reads the whole table in key order and never used it.
DROP INDEX ix_customer_record_customer;
