package io.rapport.app.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/consistency/report}: per store, how many customers hold every agreed value and which do not,
 * plus the conflict log, the outbox backlog and the records deleted in a store ({@code deletions}, per
 * {@link StoreDeletions.Action}). Drift here is what the hub's bookkeeping knows a store lacks
 * (pending writes, rejected writes); comparing the stores' own records is the reconciliation's part, and the last
 * reconciliation's report comes along ({@code reconciliation}, null before the first run).
 */
public record ConsistencyReport(boolean enabled, Instant generatedAt, long outboxBacklog, List<StoreSummary> stores,
                                long conflictsLogged, long fieldsHeldForSteward, Map<String, Long> deletions,
                                List<Drift> drifted, ReconciliationReport reconciliation) {

    /** One store: customers tracked, in sync, drifted (fields still to send), and writes it rejected. */
    public record StoreSummary(String store, long customers, long inSync, long drifted, long rejected) {
    }

    /**
     * One customer's drift in one store: the fields it does not hold yet, or
     * {@value ConsistencyReporter#DELETION_PENDING} for a record still to be deleted there (onDelete: PROPAGATE).
     */
    public record Drift(String customerId, String store, List<String> fields) {
    }

    public static ConsistencyReport disabled(Instant now) {
        return new ConsistencyReport(false, now, 0, List.of(), 0, 0, Map.of(), List.of(), null);
    }

    public ConsistencyReport withReconciliation(ReconciliationReport last) {
        return new ConsistencyReport(enabled, generatedAt, outboxBacklog, stores, conflictsLogged,
                fieldsHeldForSteward, deletions, drifted, last);
    }

    /** Zero drift, nothing queued and nothing held: every store holds every agreed value. */
    public boolean consistent() {
        return outboxBacklog == 0 && fieldsHeldForSteward == 0
                && stores.stream().allMatch(store -> store.drifted() == 0 && store.rejected() == 0);
    }
}
