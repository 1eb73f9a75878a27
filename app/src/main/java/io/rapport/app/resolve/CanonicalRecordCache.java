package io.rapport.app.resolve;

import io.rapport.core.party.CanonicalCustomer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical records resolution wrote or read most recently, by record key, so that rebuilding a golden record
 * seldom reads its members back from the database (at 100,000 records those reads were a tenth of the time
 * batches hold the resolution lock). Least recently used records leave first.
 *
 * <p>It only ever holds what the database has committed: a transaction's records wait aside until it commits and
 * are dropped if it rolls back, and a reload of the resolution state (another hub instance changed the store)
 * empties it. Used under the resolution lock only, like the state itself.
 */
public final class CanonicalRecordCache implements ResolutionTransactions.Listener {

    private final Map<String, CanonicalCustomer> committed;
    private final Map<String, CanonicalCustomer> pending = new HashMap<>();

    public CanonicalRecordCache(int capacity) {
        this.committed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CanonicalCustomer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The record as the current transaction sees it, or null if the cache does not hold it. */
    public CanonicalCustomer get(String recordKey) {
        CanonicalCustomer record = pending.get(recordKey);
        return record != null ? record : committed.get(recordKey);
    }

    /** A record the current transaction wrote, or read from the database. */
    public void put(String recordKey, CanonicalCustomer record) {
        pending.put(recordKey, record);
    }

    @Override
    public void committed() {
        committed.putAll(pending);
        pending.clear();
    }

    @Override
    public void rolledBack() {
        pending.clear();
    }

    @Override
    public void reloaded() {
        committed.clear();
        pending.clear();
    }
}
