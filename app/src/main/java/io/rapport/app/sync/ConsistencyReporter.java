package io.rapport.app.sync;

import io.rapport.core.sync.SyncMerger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the consistency report from the sync bookkeeping, a page of customers at a time. */
public class ConsistencyReporter {

    private static final int PAGE = 1_000;
    private static final int LISTED_DRIFTS = 100;
    /** The drift of a retired customer's record that a store still holds. */
    static final String DELETION_PENDING = "(record to delete)";

    private final SyncMerger merger;
    private final List<StoreConnector> connectors;
    private final SyncStateRepository states;
    private final SyncOutbox outbox;
    private final ConflictLog conflicts;
    private final RejectionLog rejections;
    private final StoreDeletions deletions;
    private final Clock clock;

    public ConsistencyReporter(SyncMerger merger, List<StoreConnector> connectors, SyncStateRepository states,
                               SyncOutbox outbox, ConflictLog conflicts, RejectionLog rejections,
                               StoreDeletions deletions, Clock clock) {
        this.merger = merger;
        this.connectors = connectors;
        this.states = states;
        this.outbox = outbox;
        this.conflicts = conflicts;
        this.rejections = rejections;
        this.deletions = deletions;
        this.clock = clock;
    }

    public ConsistencyReport report() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        connectors.forEach(connector -> counts.put(connector.store(), new long[3]));
        List<ConsistencyReport.Drift> drifts = new ArrayList<>();
        long held = 0;
        String after = "";
        while (true) {
            List<String> page = states.customerIdsAfter(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (CustomerSync customer : states.load(page).values()) {
                held += customer.state().heldForSteward().size();
                for (StoreConnector connector : connectors) {
                    long[] store = counts.get(connector.store());
                    if (customer.retired() && !customer.pendingDeletions().containsKey(connector.store())) {
                        continue;
                    }
                    List<String> missing = customer.retired() ? List.of(DELETION_PENDING)
                            : SyncEngine.pendingFor(merger, customer, connector).keySet().stream().sorted().toList();
                    store[0]++;
                    if (missing.isEmpty()) {
                        store[1]++;
                    } else {
                        store[2]++;
                        if (drifts.size() < LISTED_DRIFTS) {
                            drifts.add(new ConsistencyReport.Drift(customer.customerId(), connector.store(), missing));
                        }
                    }
                }
            }
            after = page.get(page.size() - 1);
        }
        List<ConsistencyReport.StoreSummary> stores = new ArrayList<>();
        counts.forEach((store, c) -> stores.add(new ConsistencyReport.StoreSummary(store, c[0], c[1], c[2],
                rejections.count(store))));
        return new ConsistencyReport(true, clock.instant(), outbox.size(), stores, conflicts.count(), held,
                deletions.counts(), drifts, null);
    }
}
