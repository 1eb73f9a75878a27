package io.rapport.app.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.ingest.ImportReport.ImportStatus;
import io.rapport.core.ingest.RowRejection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The import ledger: one row per import, so a report can be read back after the request or file is gone. */
public class ImportRuns {

    private static final TypeReference<List<RowRejection>> REJECTIONS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ImportRuns(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void started(String importId, String source, String origin, Instant at) {
        jdbc.update("INSERT INTO import_run (import_id, source, origin, status, started_at, rows_read, rows_accepted,"
                        + " rows_rejected) VALUES (?, ?, ?, ?, ?, 0, 0, 0)",
                importId, source, origin, ImportStatus.RUNNING.name(), Timestamp.from(at));
    }

    void finished(ImportReport report) {
        jdbc.update("UPDATE import_run SET status = ?, finished_at = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?,"
                        + " failure = ?, rejections_json = ? WHERE import_id = ?",
                report.status().name(), Timestamp.from(report.finishedAt()), report.rows(), report.accepted(),
                report.rejected(), report.failure(), toJson(report.rejections()), report.importId());
    }

    public Optional<ImportReport> find(String importId) {
        return jdbc.query("SELECT * FROM import_run WHERE import_id = ?", this::toReport, importId).stream().findFirst();
    }

    /** Imports still marked running: after a crash they stay so, which is the honest answer (their fate is unknown). */
    public long running() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM import_run WHERE status = ?", Long.class,
                ImportStatus.RUNNING.name());
        return count == null ? 0 : count;
    }

    private ImportReport toReport(ResultSet rs, int rowNum) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        List<RowRejection> rejections = fromJson(rs.getString("rejections_json"));
        long rejected = rs.getLong("rows_rejected");
        return new ImportReport(rs.getString("import_id"), rs.getString("source"), rs.getString("origin"),
                ImportStatus.valueOf(rs.getString("status")), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getLong("rows_read"), rs.getLong("rows_accepted"),
                rejected, rejections, rejections.size() < rejected ? Boolean.TRUE : null, rs.getString("failure"));
    }

    private String toJson(List<RowRejection> rejections) {
        try {
            return json.writeValueAsString(rejections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RowRejection> fromJson(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, REJECTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import_run.rejections_json is unreadable", e);
        }
    }
}
