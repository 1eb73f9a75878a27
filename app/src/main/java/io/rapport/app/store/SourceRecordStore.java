package io.rapport.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.core.customer.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.rapport.app.store.SqlLists.chunks;
import static io.rapport.app.store.SqlLists.pairPlaceholders;
import static io.rapport.app.store.SqlLists.placeholders;

/**
 * Message Store of source records with an Idempotent Receiver in front of it. A batch's receipts and records are
 * written in the caller's database transaction, so each message is either fully applied and remembered, or
 * neither. A redelivered message (the broker did not see the acknowledgement, e.g. the JVM died just after the
 * database commit) finds its receipt and changes nothing. Callers serialize batches (the resolution lock), so no
 * two writers race on one record; upsert is select-then-insert-or-update because H2 and PostgreSQL share no
 * upsert syntax.
 */
public class SourceRecordStore {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, ALREADY_APPLIED }

    /** One inbound message to apply: its idempotency key, the record and where it came from. */
    public record Incoming(String messageKey, SourceRecord record, String importId, long row) {
    }

    /** A message with its record's stored form and content hash, computed before the batch takes any lock. */
    public record Prepared(Incoming incoming, String fieldsJson, String contentHash) {

        String recordKey() {
            return key(incoming.record());
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public SourceRecordStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Serializes and hashes each record: pure work that concurrent consumers do side by side, before
     * {@link #storeAll} runs one batch at a time.
     */
    public List<Prepared> prepare(List<Incoming> batch) {
        List<Prepared> prepared = new ArrayList<>(batch.size());
        for (Incoming in : batch) {
            String fields = toJson(in.record());
            prepared.add(new Prepared(in, fields, sha256(fields)));
        }
        return prepared;
    }

    /**
     * Applies a batch in order, inside the caller's transaction: one outcome per message. A record stated twice in
     * one batch ends as its later statement.
     */
    public List<Outcome> storeAll(String stage, List<Prepared> batch, Instant now) {
        Timestamp at = Timestamp.from(now);
        Set<String> received = existingReceipts(batch);
        Map<String, String> hashes = currentHashes(batch);
        List<Object[]> receipts = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (Prepared prepared : batch) {
            Incoming in = prepared.incoming();
            if (!received.add(in.messageKey())) {
                outcomes.add(Outcome.ALREADY_APPLIED);
                continue;
            }
            receipts.add(new Object[] {in.messageKey(), stage, at});
            String fields = prepared.fieldsJson();
            String hash = prepared.contentHash();
            String key = prepared.recordKey();
            String current = hashes.put(key, hash);
            SourceRecord record = in.record();
            if (hash.equals(current)) {
                outcomes.add(Outcome.UNCHANGED);
            } else if (current == null) {
                inserts.add(new Object[] {record.source().value(), record.sourceId(), fields, hash, at, at, in.importId(), in.row()});
                outcomes.add(Outcome.CREATED);
            } else {
                updates.add(new Object[] {fields, hash, at, in.importId(), in.row(), record.source().value(), record.sourceId()});
                outcomes.add(Outcome.UPDATED);
            }
        }
        jdbc.batchUpdate("INSERT INTO inbound_receipt (message_key, stage, received_at) VALUES (?, ?, ?)", receipts);
        countApplied(stage, receipts.size());
        jdbc.batchUpdate("INSERT INTO source_record (source, source_id, fields_json, content_hash, first_stored_at,"
                + " last_changed_at, last_import_id, last_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        jdbc.batchUpdate("UPDATE source_record SET fields_json = ?, content_hash = ?, last_changed_at = ?,"
                + " last_import_id = ?, last_row = ? WHERE source = ? AND source_id = ?", updates);
        return outcomes;
    }

    private Set<String> existingReceipts(List<Prepared> batch) {
        Set<String> found = new HashSet<>();
        List<String> keys = batch.stream().map(prepared -> prepared.incoming().messageKey()).distinct().toList();
        for (List<String> chunk : chunks(keys)) {
            jdbc.query("SELECT message_key FROM inbound_receipt WHERE message_key IN (" + placeholders(chunk.size()) + ")",
                    rs -> {
                        found.add(rs.getString(1));
                    }, chunk.toArray());
        }
        return found;
    }

    private Map<String, String> currentHashes(List<Prepared> batch) {
        Set<String> wanted = new HashSet<>();
        List<SourceRecord> records = new ArrayList<>();
        for (Prepared prepared : batch) {
            if (wanted.add(prepared.recordKey())) {
                records.add(prepared.incoming().record());
            }
        }
        Map<String, String> hashes = new HashMap<>();
        // a row-value IN list: H2 and PostgreSQL both look each pair up in the primary key
        for (List<SourceRecord> chunk : chunks(records)) {
            Object[] args = new Object[chunk.size() * 2];
            for (int i = 0; i < chunk.size(); i++) {
                args[2 * i] = chunk.get(i).source().value();
                args[2 * i + 1] = chunk.get(i).sourceId();
            }
            jdbc.query("SELECT source, source_id, content_hash FROM source_record WHERE (source, source_id) IN ("
                    + pairPlaceholders(chunk.size()) + ")",
                    rs -> {
                        hashes.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
                    }, args);
        }
        return hashes;
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM source_record", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Messages a stage has applied, ever: the "done" figure of the pipeline status. A counter kept with the
     * receipts, so that clients polling the status do not make the database count a growing table.
     */
    public long applied(String stage) {
        List<Long> applied = jdbc.queryForList("SELECT applied FROM stage_progress WHERE stage = ?", Long.class, stage);
        return applied.isEmpty() ? 0 : applied.get(0);
    }

    private void countApplied(String stage, int messages) {
        if (messages > 0 && jdbc.update("UPDATE stage_progress SET applied = applied + ? WHERE stage = ?", messages, stage) == 0) {
            jdbc.update("INSERT INTO stage_progress (stage, applied) VALUES (?, ?)", stage, messages);
        }
    }

    private static String key(SourceRecord record) {
        return record.source().value() + ":" + record.sourceId();
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
