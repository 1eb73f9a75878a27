package io.rapport.app.sync;

import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.app.store.SqlLists;
import io.rapport.core.customer.SourceRecord;
import io.rapport.core.sync.SyncMerger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation (route {@code reconciliation}, and {@code POST /api/v1/consistency/reconcile}): reads every store's
 * own records and compares each with what the store should hold, field by field over the synced fields, whatever the
 * hub's bookkeeping believes. The result is a drift report, saved with every run.
 *
 * <p>Healing re-sends a drifted record through the store's intake, exactly as if its change event had arrived, and
 * queues its customer for sync. The policy then decides as it always does: a value a store may not set is overwritten
 * with the golden value (and the conflict logged), while a change the store owns that the hub missed becomes golden
 * and reaches the other stores. Healing therefore never undoes an edit the policy would have kept.
 */
public class Reconciliation implements Processor {

    public static final String BEAN_NAME = "reconciliation";
    static final int LISTED = 100;
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final int STATE_PAGE = 1_000;

    private final SyncMerger merger;
    private final List<StoreConnector> connectors;
    private final SyncStateRepository states;
    private final JdbcTemplate jdbc;
    private final InboundCustomerGateway gateway;
    private final SyncOutbox outbox;
    private final ReconciliationRuns runs;
    private final boolean healScheduled;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public Reconciliation(SyncMerger merger, List<StoreConnector> connectors, SyncStateRepository states,
                          JdbcTemplate jdbc, InboundCustomerGateway gateway, SyncOutbox outbox, ReconciliationRuns runs,
                          boolean healScheduled, Clock clock) {
        this.merger = merger;
        this.connectors = List.copyOf(connectors);
        this.states = states;
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.outbox = outbox;
        this.runs = runs;
        this.healScheduled = healScheduled;
        this.clock = clock;
    }

    /** The scheduled run. */
    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(run("scheduled", healScheduled).orElse(null));
    }

    /** Runs now unless a run is under way (then empty); the report is saved and answered. */
    public Optional<ReconciliationReport> run(String trigger, boolean heal) {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            String runId = "reconcile-" + UUID.randomUUID().toString().substring(0, 8);
            Instant started = clock.instant();
            List<ReconciliationReport.StoreResult> results = new ArrayList<>();
            List<ReconciliationReport.Drift> drifts = new ArrayList<>();
            for (StoreConnector connector : connectors) {
                results.add(reconcile(connector, runId, heal, drifts));
            }
            ReconciliationReport report = new ReconciliationReport(runId, trigger, heal, started, clock.instant(),
                    results, drifts);
            runs.save(report);
            log.info("Reconciliation {} ({}{}): {}", runId, trigger, heal ? ", healing" : "", results);
            return Optional.of(report);
        } finally {
            running.unlock();
        }
    }

    public Optional<ReconciliationReport> latest() {
        return runs.latest();
    }

    private ReconciliationReport.StoreResult reconcile(StoreConnector connector, String runId, boolean heal,
                                                       List<ReconciliationReport.Drift> drifts) {
        String store = connector.store();
        long[] counts = new long[4]; // read, agreeing, drifted, unlinked
        Set<String> seenKeys = new HashSet<>();
        List<SourceRecord> toHeal = new ArrayList<>();
        Set<String> healedCustomers = new LinkedHashSet<>();
        try {
            connector.readAll(page -> {
                Map<SourceRecord, String> owners = owners(connector, page);
                Map<String, CustomerSync> known = states.load(new LinkedHashSet<>(owners.values()));
                for (SourceRecord record : page) {
                    counts[0]++;
                    seenKeys.add(record.sourceId());
                    String customerId = owners.get(record);
                    CustomerSync customer = customerId == null ? null : known.get(customerId);
                    if (customer == null || !customer.isStored() || customer.retired()
                            || !isSyncedCopy(connector, customer, record)) {
                        counts[3]++;
                        continue;
                    }
                    Set<String> differing = merger.differences(customer.state(), store,
                            observed(connector, customer, record));
                    if (differing.isEmpty()) {
                        counts[1]++;
                        continue;
                    }
                    counts[2]++;
                    list(drifts, new ReconciliationReport.Drift(customerId, store, record.sourceId(),
                            List.copyOf(differing)));
                    if (heal) {
                        toHeal.add(record);
                        healedCustomers.add(customerId);
                    }
                }
            });
        } catch (StoreUnavailableException e) {
            log.warn("Reconciliation {}: {} could not be read: {}", runId, store, e.getMessage());
            return new ReconciliationReport.StoreResult(store, counts[0], counts[1], counts[2], 0, counts[3], 0,
                    e.getMessage());
        }
        long missing = missing(store, seenKeys, drifts);
        if (!toHeal.isEmpty()) {
            resend(runId + "-" + store, toHeal, healedCustomers);
        }
        return new ReconciliationReport.StoreResult(store, counts[0], counts[1], counts[2], toHeal.size(), counts[3],
                missing, null);
    }

    /**
     * The customer each record belongs to: the one its hub id names, else the one resolution filed it under (a record
     * created in the store carries no hub id until the hub writes one, and the ERP's never do).
     */
    private Map<SourceRecord, String> owners(StoreConnector connector, List<SourceRecord> records) {
        Map<String, SourceRecord> byKey = new LinkedHashMap<>();
        Map<SourceRecord, String> owners = new LinkedHashMap<>();
        for (SourceRecord record : records) {
            String hubId = record.fields().get(connector.hubIdAttribute());
            if (hubId != null) {
                owners.put(record, hubId);
            } else {
                byKey.put(record.key(), record);
            }
        }
        for (List<String> chunk : SqlLists.chunks(new ArrayList<>(byKey.keySet()))) {
            jdbc.query("SELECT record_key, customer_id FROM customer_record WHERE record_key IN ("
                    + SqlLists.placeholders(chunk.size()) + ")", rs -> {
                owners.put(byKey.get(rs.getString(1)), rs.getString(2));
            }, chunk.toArray());
        }
        return owners;
    }

    /** The customer's own record in the store, the one the hub keeps in sync (not a second record resolution merged). */
    private static boolean isSyncedCopy(StoreConnector connector, CustomerSync customer, SourceRecord record) {
        String key = customer.storeKey(connector.store());
        return record.sourceId().equals(key)
                || key == null && customer.customerId().equals(record.fields().get(connector.hubIdAttribute()));
    }

    /** The synced values the store's record states, for the fields the store maps for the customer's kind. */
    private static Map<String, String> observed(StoreConnector connector, CustomerSync customer, SourceRecord record) {
        Map<String, String> agreed = new LinkedHashMap<>();
        customer.state().agreed().forEach((field, value) -> agreed.put(field, value.value()));
        Map<String, String> stated = connector.syncedValues(customer.type(), record.fields(), agreed);
        Map<String, String> observed = new LinkedHashMap<>();
        for (String field : connector.mappedFields(customer.type())) {
            if (stated.containsKey(field)) {
                observed.put(field, stated.get(field));
            }
        }
        return observed;
    }

    /** Customers the hub keeps a record for in the store that the store no longer holds. */
    private long missing(String store, Set<String> seenKeys, List<ReconciliationReport.Drift> drifts) {
        long missing = 0;
        String after = "";
        for (List<String> page = states.customerIdsAfter(after, STATE_PAGE); !page.isEmpty();
             page = states.customerIdsAfter(after, STATE_PAGE)) {
            for (CustomerSync customer : states.load(page).values()) {
                String key = customer.storeKey(store);
                // a retired customer's records are meant to be gone
                if (key != null && !seenKeys.contains(key) && !customer.retired()) {
                    missing++;
                    list(drifts, new ReconciliationReport.Drift(customer.customerId(), store, key, List.of("record")));
                }
            }
            after = page.get(page.size() - 1);
        }
        return missing;
    }

    /** Healing: the drifted records go through the intake as their change events would, then their customers sync. */
    private void resend(String importId, List<SourceRecord> records, Set<String> customerIds) {
        gateway.sendAll(importId, records);
        outbox.changed(customerIds, clock.instant());
    }

    private static void list(List<ReconciliationReport.Drift> drifts, ReconciliationReport.Drift drift) {
        if (drifts.size() < LISTED) {
            drifts.add(drift);
        }
    }
}
