package io.rapport.app.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tables {@code erasure_request} (the audit record) and {@code erasure_store_task} (what the stores still owe). */
public class ErasureRequests {

    /** A request's state, and each store's: PENDING until confirmed, DONE, or FAILED with the reason. */
    public enum Status {
        PENDING, DONE, FAILED
    }

    /** One store's part of a request. {@code keys} are the store's record ids: opaque, never shown. */
    public record StoreTask(String requestId, String store, List<String> keys, Status status, int attempts,
                            String lastError, Instant nextAttemptAt, Instant completedAt, String outcome) {
    }

    /** The audit record, as the API shows it. */
    public record ErasureRequest(String requestId, String customerId, String requestedBy, String reason,
                                 String reference, Status status, Instant requestedAt, Instant completedAt,
                                 Map<String, Integer> erased, List<StoreTask> stores) {

        public Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("requestId", requestId);
            view.put("customerId", customerId);
            view.put("status", status.name());
            view.put("requestedBy", requestedBy);
            view.put("reason", reason);
            view.put("reference", reference);
            view.put("requestedAt", requestedAt.toString());
            view.put("completedAt", completedAt == null ? null : completedAt.toString());
            view.put("erasedRows", erased);
            List<Map<String, Object>> storeViews = new ArrayList<>();
            for (StoreTask task : stores) {
                Map<String, Object> store = new LinkedHashMap<>();
                store.put("store", task.store());
                store.put("status", task.status().name());
                store.put("records", task.keys().size());
                store.put("attempts", task.attempts());
                store.put("lastError", task.lastError());
                store.put("outcome", task.outcome());
                store.put("completedAt", task.completedAt() == null ? null : task.completedAt().toString());
                storeViews.add(store);
            }
            view.put("stores", storeViews);
            return view;
        }
    }

    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ErasureRequests(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ErasureRequest request) {
        jdbc.update("INSERT INTO erasure_request (request_id, customer_id, requested_by, reason, reference, status,"
                + " requested_at, completed_at, erased_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", request.requestId(),
                request.customerId(), request.requestedBy(), request.reason(), request.reference(),
                request.status().name(), Timestamp.from(request.requestedAt()),
                request.completedAt() == null ? null : Timestamp.from(request.completedAt()), write(request.erased()));
        for (StoreTask task : request.stores()) {
            jdbc.update("INSERT INTO erasure_store_task (request_id, store, store_keys, status, attempts,"
                    + " next_attempt_at) VALUES (?, ?, ?, ?, 0, ?)", request.requestId(), task.store(),
                    String.join("\n", task.keys()), task.status().name(), Timestamp.from(task.nextAttemptAt()));
        }
    }

    public Optional<ErasureRequest> find(String requestId) {
        return one("SELECT * FROM erasure_request WHERE request_id = ?", requestId);
    }

    public Optional<ErasureRequest> forCustomer(String customerId) {
        return one("SELECT * FROM erasure_request WHERE customer_id = ?", customerId);
    }

    /** Store tasks due for another try. */
    List<StoreTask> due(Instant now) {
        return jdbc.query("SELECT * FROM erasure_store_task WHERE status = ? AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at", this::task, Status.PENDING.name(), Timestamp.from(now));
    }

    /** Records a try's result for a store; completes the request once no store is pending any more. */
    void update(StoreTask task, Instant now) {
        jdbc.update("UPDATE erasure_store_task SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?,"
                + " completed_at = ?, outcome = ? WHERE request_id = ? AND store = ?", task.status().name(),
                task.attempts(), task.lastError(), Timestamp.from(task.nextAttemptAt()),
                task.completedAt() == null ? null : Timestamp.from(task.completedAt()), task.outcome(),
                task.requestId(), task.store());
        if (task.status() != Status.PENDING) {
            completeIfSettled(task.requestId(), now);
        }
    }

    void completeIfSettled(String requestId, Instant now) {
        List<String> statuses = jdbc.queryForList("SELECT status FROM erasure_store_task WHERE request_id = ?",
                String.class, requestId);
        if (statuses.contains(Status.PENDING.name())) {
            return;
        }
        Status status = statuses.contains(Status.FAILED.name()) ? Status.FAILED : Status.DONE;
        jdbc.update("UPDATE erasure_request SET status = ?, completed_at = ? WHERE request_id = ? AND status = ?",
                status.name(), Timestamp.from(now), requestId, Status.PENDING.name());
    }

    private Optional<ErasureRequest> one(String sql, String id) {
        List<ErasureRequest> found = jdbc.query(sql, (rs, n) -> new ErasureRequest(rs.getString("request_id"),
                rs.getString("customer_id"), rs.getString("requested_by"), rs.getString("reason"),
                rs.getString("reference"), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("requested_at").toInstant(), instant(rs, "completed_at"),
                read(rs.getString("erased_json")), List.of()), id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ErasureRequest request = found.get(0);
        List<StoreTask> tasks = jdbc.query("SELECT * FROM erasure_store_task WHERE request_id = ? ORDER BY store",
                this::task, request.requestId());
        return Optional.of(new ErasureRequest(request.requestId(), request.customerId(), request.requestedBy(),
                request.reason(), request.reference(), request.status(), request.requestedAt(),
                request.completedAt(), request.erased(), tasks));
    }

    private StoreTask task(ResultSet rs, int row) throws SQLException {
        String keys = rs.getString("store_keys");
        return new StoreTask(rs.getString("request_id"), rs.getString("store"),
                keys.isEmpty() ? List.of() : Arrays.asList(keys.split("\n")), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("next_attempt_at").toInstant(),
                instant(rs, "completed_at"), rs.getString("outcome"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private String write(Map<String, Integer> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> read(String counts) {
        try {
            return json.readValue(counts, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable erasure counts: " + e.getMessage(), e);
        }
    }
}
