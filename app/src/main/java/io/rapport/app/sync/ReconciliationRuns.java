package io.rapport.app.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Message Store of reconciliation reports (table {@code reconciliation_run}). */
public class ReconciliationRuns {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ReconciliationRuns(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(ReconciliationReport report) {
        try {
            jdbc.update("INSERT INTO reconciliation_run (run_id, started_at, finished_at, report_json) VALUES (?, ?, ?, ?)",
                    report.runId(), Timestamp.from(report.startedAt()), Timestamp.from(report.finishedAt()),
                    json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reconciliation report could not be written as JSON", e);
        }
    }

    public Optional<ReconciliationReport> latest() {
        List<String> found = jdbc.queryForList("SELECT report_json FROM reconciliation_run ORDER BY started_at DESC"
                + " FETCH FIRST 1 ROWS ONLY", String.class);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(found.get(0), ReconciliationReport.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the last reconciliation report is unreadable", e);
        }
    }
}
