package io.rapport.app.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Table {@code sync_rejection}: the last write each store rejected per customer, with the store's reason. A later
 * successful write removes it; the drift report shows what is left.
 */
public class RejectionLog {

    private final JdbcTemplate jdbc;

    public RejectionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String store, List<StoreWriteResult> results, Instant now) {
        List<Object[]> cleared = new ArrayList<>();
        List<Object[]> rejected = new ArrayList<>();
        for (StoreWriteResult result : results) {
            cleared.add(new Object[] {result.customerId(), store});
            if (!result.succeeded()) {
                rejected.add(new Object[] {result.customerId(), store, result.errorCode(),
                        truncate(result.message()), Timestamp.from(now)});
            }
        }
        jdbc.batchUpdate("DELETE FROM sync_rejection WHERE customer_id = ? AND store = ?", cleared);
        jdbc.batchUpdate("INSERT INTO sync_rejection (customer_id, store, error_code, message, rejected_at)"
                + " VALUES (?, ?, ?, ?, ?)", rejected);
    }

    public long count(String store) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM sync_rejection WHERE store = ?", Long.class, store);
        return count == null ? 0 : count;
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 4000);
    }
}
