package io.rapport.app.sync;

import io.rapport.core.sync.FieldConflict;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Table {@code sync_conflict}: every conflict the sync engine settled or held, with its values already masked. */
public class ConflictLog {

    private final JdbcTemplate jdbc;

    public ConflictLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(List<FieldConflict> conflicts, Instant now) {
        if (conflicts.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(conflicts.size());
        for (FieldConflict c : conflicts) {
            rows.add(new Object[] {c.customerId(), c.field(), c.reason(), c.agreedStore(), c.agreedValue(),
                    Timestamp.from(c.agreedAt()), c.incomingStore(), c.incomingValue(), Timestamp.from(c.incomingAt()),
                    c.rule().name(), c.outcome().name(), Timestamp.from(now)});
        }
        jdbc.batchUpdate("INSERT INTO sync_conflict (customer_id, field_name, reason, agreed_store, agreed_value,"
                + " agreed_at, incoming_store, incoming_value, incoming_at, rule, outcome, logged_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM sync_conflict", Long.class);
        return count == null ? 0 : count;
    }
}
