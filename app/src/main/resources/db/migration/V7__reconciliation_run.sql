-- Reconciliation runs (docs/sync.md): each run's drift report, kept so that the last one survives a restart and
-- earlier ones can be compared. Portable across H2 and PostgreSQL.
CREATE TABLE reconciliation_run (
    run_id       VARCHAR(40)  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    report_json  VARCHAR(1048576) NOT NULL,
    CONSTRAINT pk_reconciliation_run PRIMARY KEY (run_id)
);
CREATE INDEX ix_reconciliation_run_started ON reconciliation_run (started_at);
