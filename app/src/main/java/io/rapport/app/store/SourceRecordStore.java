package io.rapport.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.core.customer.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Message Store of source records with an Idempotent Receiver in front of it. The receipt and the record are
 * written in one database transaction, so a message is either fully applied and remembered, or neither. A
 * redelivered message (the broker did not see the acknowledgement, e.g. the JVM died just after the commit)
 * finds its receipt and changes nothing. Upsert is done as update-then-insert because H2 and PostgreSQL share
 * no upsert syntax; message groups keep two writers of one record apart, and a lost race is retried as update.
 */
public class SourceRecordStore {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, ALREADY_APPLIED }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    public SourceRecordStore(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    public Outcome store(String messageKey, String stage, SourceRecord record, String importId, long row) {
        return transaction.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            Object beforeReceipt = status.createSavepoint();
            try {
                jdbc.update("INSERT INTO inbound_receipt (message_key, stage, received_at) VALUES (?, ?, ?)",
                        messageKey, stage, now);
            } catch (DuplicateKeyException alreadyReceived) {
                status.rollbackToSavepoint(beforeReceipt);
                return Outcome.ALREADY_APPLIED;
            }
            return upsert(record, importId, row, now, status);
        });
    }

    private Outcome upsert(SourceRecord record, String importId, long row, Timestamp now, TransactionStatus status) {
        String fields = toJson(record);
        String hash = sha256(fields);
        String current = jdbc.query("SELECT content_hash FROM source_record WHERE source = ? AND source_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, record.source().value(), record.sourceId());
        if (hash.equals(current)) {
            return Outcome.UNCHANGED;
        }
        if (current != null) {
            update(record, importId, row, now, fields, hash);
            return Outcome.UPDATED;
        }
        // PostgreSQL aborts the whole transaction on a failed statement; the savepoint keeps the receipt alive
        Object beforeInsert = status.createSavepoint();
        try {
            jdbc.update("INSERT INTO source_record (source, source_id, fields_json, content_hash, first_stored_at,"
                            + " last_changed_at, last_import_id, last_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    record.source().value(), record.sourceId(), fields, hash, now, now, importId, row);
            return Outcome.CREATED;
        } catch (DuplicateKeyException concurrentInsert) {
            status.rollbackToSavepoint(beforeInsert);
            update(record, importId, row, now, fields, hash);
            return Outcome.UPDATED;
        }
    }

    private void update(SourceRecord record, String importId, long row, Timestamp now, String fields, String hash) {
        jdbc.update("UPDATE source_record SET fields_json = ?, content_hash = ?, last_changed_at = ?, last_import_id = ?,"
                        + " last_row = ? WHERE source = ? AND source_id = ?",
                fields, hash, now, importId, row, record.source().value(), record.sourceId());
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM source_record", Long.class);
        return count == null ? 0 : count;
    }

    /** Messages a stage has applied, ever: the "done" figure of the pipeline status. */
    public long applied(String stage) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM inbound_receipt WHERE stage = ?", Long.class, stage);
        return count == null ? 0 : count;
    }

    private String toJson(SourceRecord record) {
        try {
            return json.writeValueAsString(record.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
