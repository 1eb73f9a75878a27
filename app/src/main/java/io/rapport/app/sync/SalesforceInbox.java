package io.rapport.app.sync;

import io.rapport.connector.salesforce.SalesforceChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transactional Inbox (table {@code salesforce_inbox}) of the records Salesforce change events named, waiting to be
 * read: an event is acknowledged (its replay id saved) in the same transaction that files its records here.
 */
public class SalesforceInbox {

    /** What to read next: record ids per sObject type, types to read whole, and the last entry covered. */
    public record Batch(Map<String, Set<String>> recordIds, Set<String> wholeTypes, long lastEntryId) {

        public boolean isEmpty() {
            return lastEntryId < 0;
        }
    }

    private final JdbcTemplate jdbc;

    public SalesforceInbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Files the records of a change; a GAP_OVERFLOW files its whole type. */
    public void file(SalesforceChange change, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>();
        if (change.overflow()) {
            rows.add(new Object[] {change.entity(), null, change.changeType(), change.replayId(), at});
        } else {
            for (String id : change.recordIds()) {
                rows.add(new Object[] {change.entity(), id, change.changeType(), change.replayId(), at});
            }
        }
        jdbc.batchUpdate("INSERT INTO salesforce_inbox (sobject, record_id, change_type, replay_id, received_at)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
    }

    /** The oldest entries, up to {@code limit}, each record once. */
    public Batch next(int limit) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        Set<String> whole = new LinkedHashSet<>();
        long[] last = {-1};
        jdbc.query("SELECT entry_id, sobject, record_id FROM salesforce_inbox ORDER BY entry_id FETCH FIRST " + limit
                + " ROWS ONLY", rs -> {
            last[0] = rs.getLong(1);
            String recordId = rs.getString(3);
            if (recordId == null) {
                whole.add(rs.getString(2));
            } else {
                ids.computeIfAbsent(rs.getString(2), type -> new LinkedHashSet<>()).add(recordId);
            }
        });
        return new Batch(ids, whole, last[0]);
    }

    /** Removes the entries of a batch once its records are with the intake. */
    public void remove(Batch batch) {
        if (!batch.isEmpty()) {
            jdbc.update("DELETE FROM salesforce_inbox WHERE entry_id <= ?", batch.lastEntryId());
        }
    }

    public long size() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM salesforce_inbox", Long.class);
        return count == null ? 0 : count;
    }
}
