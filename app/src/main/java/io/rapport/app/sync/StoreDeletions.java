package io.rapport.app.sync;

import io.rapport.app.store.SqlLists;
import io.rapport.core.sync.DeletePolicy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a record deleted in one store does, per {@code onDelete} in config/sync-policy.yaml, with every deletion
 * recorded in table {@code sync_deletion}. FLAG: nothing else is deleted; the row (and reconciliation's missing
 * record) is for a person to decide. PROPAGATE: the customer is retired from sync (written to no store again) and
 * queued, and the sync engine deletes its records in the other stores, retrying while a store is down.
 *
 * <p>Only the record the hub keeps in sync for a customer counts: a second record of the customer deleted in the same
 * store (a duplicate cleaned up there) deletes nothing else. The intakes call this inside the transaction that moves
 * their watermark or replay id; a deletion seen twice (a replay) changes nothing the second time.
 */
public class StoreDeletions {

    private static final Logger log = LoggerFactory.getLogger(StoreDeletions.class);

    /** What the hub did about a deleted record; the {@code action} column. */
    public enum Action {
        FLAGGED, PROPAGATING, PROPAGATED, NOT_SYNCED
    }

    private final DeletePolicy policy;
    private final SyncStateRepository states;
    private final SyncOutbox outbox;
    private final JdbcTemplate jdbc;

    public StoreDeletions(DeletePolicy policy, SyncStateRepository states, SyncOutbox outbox, JdbcTemplate jdbc) {
        this.policy = policy;
        this.states = states;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /**
     * The store deleted these records (by their key there: Salesforce id, ERP partner number).
     *
     * @return how many were a customer's synced record
     */
    public int deleted(String store, Collection<String> keys, Instant at) {
        Set<String> fresh = new LinkedHashSet<>(keys);
        fresh.removeAll(alreadyRecorded(store, fresh));
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, String> owners = owners(store, fresh);
        Map<String, CustomerSync> customers = states.load(new LinkedHashSet<>(owners.values()));
        List<Object[]> rows = new ArrayList<>();
        List<CustomerSync> retired = new ArrayList<>();
        for (String key : fresh) {
            CustomerSync customer = owners.containsKey(key) ? customers.get(owners.get(key)) : null;
            boolean synced = customer != null && customer.isStored() && key.equals(customer.storeKey(store))
                    && !customer.retired();
            Action action = !synced ? Action.NOT_SYNCED
                    : policy == DeletePolicy.PROPAGATE ? Action.PROPAGATING : Action.FLAGGED;
            rows.add(new Object[] {store, key, synced ? customer.customerId() : null, action.name(),
                    Timestamp.from(at)});
            if (action == Action.PROPAGATING) {
                customer.retire(store);
                retired.add(customer);
            }
        }
        jdbc.batchUpdate("INSERT INTO sync_deletion (store, store_key, customer_id, action, deleted_at)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
        if (!retired.isEmpty()) {
            states.saveAll(retired, at);
            Set<String> ids = new LinkedHashSet<>();
            retired.forEach(customer -> ids.add(customer.customerId()));
            outbox.changed(ids, at);
        }
        long synced = rows.stream().filter(row -> !Action.NOT_SYNCED.name().equals(row[3])).count();
        log.warn("{} deleted {} record(s), {} of them a customer's synced record: {}", store, fresh.size(), synced,
                policy == DeletePolicy.PROPAGATE ? "their records in the other stores will be deleted"
                        : "flagged (onDelete: FLAG), nothing else deleted");
        return (int) synced;
    }

    /** The engine deleted the retired customer's records everywhere: the deletion is complete. */
    public void propagated(Collection<String> customerIds, Instant at) {
        for (List<String> chunk : SqlLists.chunks(new ArrayList<>(customerIds))) {
            List<Object> args = new ArrayList<>();
            args.add(Action.PROPAGATED.name());
            args.add(Timestamp.from(at));
            args.add(Action.PROPAGATING.name());
            args.addAll(chunk);
            jdbc.update("UPDATE sync_deletion SET action = ?, completed_at = ? WHERE action = ? AND customer_id IN ("
                    + SqlLists.placeholders(chunk.size()) + ")", args.toArray());
        }
    }

    /** Deletions recorded per action, for the consistency report. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT action, COUNT(*) FROM sync_deletion GROUP BY action ORDER BY action",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private Set<String> alreadyRecorded(String store, Set<String> keys) {
        return SqlLists.pairs(jdbc, "SELECT store_key, action FROM sync_deletion WHERE store = ? AND store_key IN (",
                store, keys).keySet();
    }

    /**
     * The customer each deleted record is the synced copy of; else the one resolution filed it under (a state saved
     * before store keys were indexed).
     */
    private Map<String, String> owners(String store, Set<String> keys) {
        Map<String, String> owners = new LinkedHashMap<>(states.customersByStoreKey(store, keys));
        Set<String> unindexed = new LinkedHashSet<>(keys);
        unindexed.removeAll(owners.keySet());
        owners.putAll(SqlLists.pairs(jdbc, "SELECT source_id, customer_id FROM customer_record WHERE source = ?"
                + " AND source_id IN (", store, unindexed));
        return owners;
    }
}
