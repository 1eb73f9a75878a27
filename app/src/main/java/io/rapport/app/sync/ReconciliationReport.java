package io.rapport.app.sync;

import java.time.Instant;
import java.util.List;

/**
 * One reconciliation run: every store's own records read and compared, one by one, with what the store should hold
 * (a hash over the synced fields). Values are never listed, only field names: the report reaches people who may not
 * see them.
 *
 * @param trigger  {@code scheduled} or {@code on-demand}
 * @param heal     whether drifted records were re-sent through the intake so that the golden values go back out
 * @param drifted  the first {@value Reconciliation#LISTED} drifted or missing records
 */
public record ReconciliationReport(String runId, String trigger, boolean heal, Instant startedAt, Instant finishedAt,
                                   List<StoreResult> stores, List<Drift> drifted) {

    /**
     * One store. {@code read}: records read; {@code agreeing}: those holding every value they should;
     * {@code drifted}: those holding another value for at least one field; {@code healed}: drifted records re-sent
     * through the intake; {@code unlinked}: records not kept in sync with a customer (new to the hub, or a second
     * record that resolution merged into a customer who has one in the store already); {@code missing}: customers
     * the hub wrote to the store whose record is gone (deleted there, or its hub id cleared) - flagged, per
     * {@code onDelete: FLAG}; {@code error}: why the store could not be read, if it could not.
     */
    public record StoreResult(String store, long read, long agreeing, long drifted, long healed, long unlinked,
                              long missing, String error) {
    }

    /** A record that differs: the customer, the store and its key there, and the fields that differ ("record" when it is missing). */
    public record Drift(String customerId, String store, String storeKey, List<String> fields) {
    }

    /** Every store read, every record agreeing, none missing. */
    public boolean clean() {
        return stores.stream().allMatch(store -> store.error() == null && store.drifted() == 0 && store.missing() == 0);
    }
}
