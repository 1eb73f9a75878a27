package io.rapport.app.sync;

import io.rapport.app.resolve.CustomerChangeListener;
import io.rapport.app.store.SqlLists;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transactional Outbox (table {@code sync_outbox}): the resolution transaction that changes customers records them
 * in the same database transaction, and the sync engine takes them from here. A customer is synced only once the
 * change that touched it committed, and no committed change is missed, without a distributed transaction between
 * the database and the broker.
 */
public class SyncOutbox implements CustomerChangeListener {

    /** Customers to sync and the outbox entries that asked for them (to be removed once they are synced). */
    public record Batch(Set<String> customerIds, long lastEntryId) {

        public boolean isEmpty() {
            return customerIds.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;

    public SyncOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called inside the transaction that changed the customers. */
    @Override
    public void changed(Set<String> customerIds, Instant now) {
        if (customerIds.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(customerIds.size());
        customerIds.forEach(id -> rows.add(new Object[] {id, at}));
        jdbc.batchUpdate("INSERT INTO sync_outbox (customer_id, enqueued_at) VALUES (?, ?)", rows);
    }

    /** The oldest entries, up to {@code limit}, as distinct customers (a customer changed twice is synced once). */
    public Batch next(int limit) {
        Set<String> customers = new LinkedHashSet<>();
        long[] last = {-1};
        jdbc.query("SELECT entry_id, customer_id FROM sync_outbox ORDER BY entry_id FETCH FIRST " + limit
                + " ROWS ONLY", rs -> {
            last[0] = rs.getLong(1);
            customers.add(rs.getString(2));
        });
        return new Batch(customers, last[0]);
    }

    /** Removes the entries of a batch once its customers are synced (entries added since stay). */
    public void remove(Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(batch.customerIds());
        for (List<String> chunk : SqlLists.chunks(ids)) {
            List<Object> args = new ArrayList<>(chunk);
            args.add(batch.lastEntryId());
            jdbc.update("DELETE FROM sync_outbox WHERE customer_id IN ("
                    + SqlLists.placeholders(chunk.size()) + ") AND entry_id <= ?", args.toArray());
        }
    }

    /** How many entries wait, and when the oldest and the newest arrived (both null when none wait). */
    public record Backlog(long entries, Instant oldest, Instant newest) {
    }

    public Backlog backlog() {
        return jdbc.queryForObject("SELECT COUNT(*), MIN(enqueued_at), MAX(enqueued_at) FROM sync_outbox",
                (rs, row) -> new Backlog(rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    public long size() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox", Long.class);
        return count == null ? 0 : count;
    }
}
