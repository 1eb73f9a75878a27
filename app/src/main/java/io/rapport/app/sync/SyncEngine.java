package io.rapport.app.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.store.SqlLists;
import io.rapport.core.party.PartyType;
import io.rapport.core.sync.FieldConflict;
import io.rapport.core.sync.MergeResult;
import io.rapport.core.sync.StoreSnapshot;
import io.rapport.core.sync.SyncMerger;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every store consistent, customer by customer: applies what each store's records of a customer now say to
 * the agreed values ({@link SyncMerger}: ownership, conflicts, the hub's own writes recognized), then writes to each
 * store what it does not hold yet, in one call per store for the whole batch. A store that cannot take writes keeps
 * its changes pending; they are sent again on the next pass, and writes are idempotent (upserts by key).
 */
public class SyncEngine {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    /** What one pass did. */
    public record Outcome(int customers, int membersApplied, int conflicts, Map<String, Integer> written,
                          Map<String, Integer> rejected, Map<String, Integer> deleted, List<String> unavailableStores) {
    }

    /** One member record of a customer, from a synced store, as stored by the intake. */
    private record Member(String store, String sourceId, Map<String, String> fields, String contentHash,
                          Instant changedAt) {

        String recordKey() {
            return store + ":" + sourceId;
        }
    }

    private final SyncMerger merger;
    private final Map<String, StoreConnector> connectors;
    private final SyncStateRepository states;
    private final ConflictLog conflictLog;
    private final RejectionLog rejections;
    private final StoreDeletions deletions;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SyncEngine(SyncMerger merger, Collection<StoreConnector> connectors, SyncStateRepository states,
                      ConflictLog conflictLog, RejectionLog rejections, StoreDeletions deletions, JdbcTemplate jdbc,
                      ObjectMapper json, TransactionTemplate transactions, Clock clock) {
        this.merger = merger;
        this.connectors = new LinkedHashMap<>();
        connectors.forEach(connector -> this.connectors.put(connector.store(), connector));
        for (String store : merger.policy().storeNames()) {
            if (!this.connectors.containsKey(store)) {
                throw new IllegalStateException("config/sync-policy.yaml names the store '" + store
                        + "' but no connector for it is configured; configured: " + this.connectors.keySet());
            }
        }
        this.states = states;
        this.conflictLog = conflictLog;
        this.rejections = rejections;
        this.deletions = deletions;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Syncs the customers. Progress is saved even when a store is unavailable; the caller learns of it from
     * {@link Outcome#unavailableStores()} and keeps the customers queued.
     */
    public Outcome sync(Set<String> customerIds) {
        Set<String> ids = new LinkedHashSet<>(customerIds);
        Map<String, List<Member>> members = members(ids);
        // a store's record the resolution filed under another customer still belongs to the customer its hub id
        // names (the hub wrote it for that one): sync that customer too
        Set<String> anchored = new LinkedHashSet<>();
        members.values().forEach(list -> list.forEach(member -> {
            String hubId = member.fields().get(connectors.get(member.store()).hubIdAttribute());
            if (hubId != null && !ids.contains(hubId)) {
                anchored.add(hubId);
            }
        }));
        if (!anchored.isEmpty()) {
            ids.addAll(anchored);
            members.putAll(members(anchored));
        }
        Map<String, CustomerSync> customers = states.load(ids);
        List<CustomerSync> live = new ArrayList<>();
        List<CustomerSync> retired = new ArrayList<>();
        customers.values().forEach(customer -> (customer.retired() ? retired : live).add(customer));
        addAnchoredRecords(live, members);
        List<FieldConflict> conflicts = new ArrayList<>();
        int applied = 0;
        for (CustomerSync customer : live) {
            applied += applyMembers(customer, members.getOrDefault(customer.customerId(), List.of()), conflicts);
        }
        Map<String, Integer> written = new LinkedHashMap<>();
        Map<String, Integer> rejected = new LinkedHashMap<>();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        Instant now = clock.instant();
        for (StoreConnector connector : connectors.values()) {
            writePending(connector, live, written, rejected, unavailable, now);
            deletePending(connector, retired, deleted, rejected, unavailable, now);
        }
        List<String> completed = retired.stream().filter(customer -> customer.pendingDeletions().isEmpty())
                .map(CustomerSync::customerId).toList();
        transactions.executeWithoutResult(status -> {
            states.saveAll(customers.values(), now);
            conflictLog.append(conflicts, now);
            deletions.propagated(completed, now);
        });
        return new Outcome(customers.size(), applied, conflicts.size(), written, rejected, deleted, unavailable);
    }

    /** Deletes a retired customer's record in the store, if it still has one to delete there. */
    private void deletePending(StoreConnector connector, Collection<CustomerSync> retired,
                               Map<String, Integer> deleted, Map<String, Integer> rejected, List<String> unavailable,
                               Instant now) {
        String store = connector.store();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        Map<String, CustomerSync> byId = new LinkedHashMap<>();
        for (CustomerSync customer : retired) {
            String key = customer.pendingDeletions().get(store);
            if (key != null) {
                records.add(Map.entry(customer.customerId(), key));
                byId.put(customer.customerId(), customer);
            }
        }
        if (records.isEmpty()) {
            return;
        }
        List<StoreWriteResult> results;
        try {
            results = connector.delete(records);
        } catch (StoreUnavailableException e) {
            log.warn("{} is unavailable; {} record deletions stay pending: {}", store, records.size(), e.getMessage());
            unavailable.add(store);
            return;
        }
        int ok = 0;
        int failed = 0;
        for (StoreWriteResult result : results) {
            if (result.succeeded()) {
                byId.get(result.customerId()).deletedFrom(store);
                ok++;
            } else {
                failed++;
            }
        }
        rejections.record(store, results, now);
        deleted.put(store, ok);
        if (failed > 0) {
            rejected.merge(store, failed, Integer::sum);
        }
    }

    private int applyMembers(CustomerSync customer, List<Member> members, List<FieldConflict> conflicts) {
        int applied = 0;
        for (Member member : members) {
            StoreConnector connector = connectors.get(member.store());
            if (!connector.keepsInSync(member.fields())) {
                // read into the golden record, never a store copy (a Lead)
                continue;
            }
            String hubId = member.fields().get(connector.hubIdAttribute());
            if (hubId != null && !hubId.equals(customer.customerId())) {
                // the store's copy of another customer: that customer's sync owns it
                continue;
            }
            String syncedCopy = customer.storeKey(member.store());
            if (syncedCopy != null && !syncedCopy.equals(member.sourceId())) {
                // a second record of the customer in the same store (a duplicate there): the hub keeps one record
                // per store in sync, and this one's values would pass for what that record holds
                continue;
            }
            if (customer.alreadyApplied(member.recordKey(), member.contentHash())) {
                continue;
            }
            customer.type(typeOf(member.fields()));
            if (customer.storeKey(member.store()) == null) {
                customer.storeKey(member.store(), member.sourceId());
            }
            Map<String, String> agreed = new LinkedHashMap<>();
            customer.state().agreed().forEach((field, value) -> agreed.put(field, value.value()));
            Map<String, String> stated = connector.syncedValues(customer.type(), member.fields(), agreed);
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : connector.mappedFields(customer.type())) {
                if (merger.policy().syncs(field) && stated.containsKey(field)) {
                    values.put(field, stated.get(field));
                }
            }
            MergeResult result = merger.apply(customer.state(), new StoreSnapshot(member.store(), values,
                    member.changedAt()));
            conflicts.addAll(result.conflicts());
            customer.applied(member.recordKey(), member.contentHash());
            applied++;
        }
        return applied;
    }

    private void writePending(StoreConnector connector, Collection<CustomerSync> customers,
                              Map<String, Integer> written, Map<String, Integer> rejected, List<String> unavailable,
                              Instant now) {
        String store = connector.store();
        List<StoreWrite> writes = new ArrayList<>();
        Map<String, Map<String, String>> sent = new LinkedHashMap<>();
        Map<String, CustomerSync> byId = new LinkedHashMap<>();
        for (CustomerSync customer : customers) {
            Map<String, String> pending = pendingFor(merger, customer, connector);
            if (pending.isEmpty()) {
                continue;
            }
            Map<String, String> desired = restrictedTo(merger.desiredView(customer.state(), store),
                    connector.mappedFields(customer.type()));
            writes.add(new StoreWrite(customer.customerId(), customer.type(), customer.storeKey(store), desired,
                    pending.keySet()));
            sent.put(customer.customerId(), pending);
            byId.put(customer.customerId(), customer);
        }
        if (writes.isEmpty()) {
            return;
        }
        List<StoreWriteResult> results;
        try {
            results = connector.write(writes);
        } catch (StoreUnavailableException e) {
            log.warn("{} is unavailable; {} customer writes stay pending: {}", store, writes.size(), e.getMessage());
            unavailable.add(store);
            return;
        }
        // after the call: a store record read earlier than this may predate the write
        Instant acknowledgedAt = clock.instant();
        int ok = 0;
        List<StoreWriteResult> failures = new ArrayList<>();
        for (StoreWriteResult result : results) {
            CustomerSync customer = byId.get(result.customerId());
            if (result.succeeded()) {
                merger.acknowledge(customer.state(), store, sent.get(result.customerId()), acknowledgedAt);
                if (result.storeKey() != null) {
                    customer.storeKey(store, result.storeKey());
                }
                ok++;
            } else {
                failures.add(result);
            }
        }
        rejections.record(store, results, now);
        written.put(store, ok);
        rejected.put(store, failures.size());
        if (!failures.isEmpty()) {
            log.warn("{} rejected {} of {} customer writes; first: {} {}", store, failures.size(), writes.size(),
                    failures.get(0).errorCode(), failures.get(0).message());
        }
    }

    /** What the store still lacks for the customer, with the agreed values: pending by the policy, held by the store. */
    static Map<String, String> pendingFor(SyncMerger merger, CustomerSync customer, StoreConnector connector) {
        return restrictedTo(merger.pending(customer.state(), connector.store()), connector.mappedFields(customer.type()));
    }

    /** The entries of the fields the store maps; the merger knows the policy, not the store's mapping. */
    private static Map<String, String> restrictedTo(Map<String, String> values, Set<String> mapped) {
        Map<String, String> restricted = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (mapped.contains(field)) {
                restricted.put(field, value);
            }
        });
        return restricted;
    }

    /** Adds each customer's known store records (its store keys) that the resolution filed elsewhere. */
    private void addAnchoredRecords(Collection<CustomerSync> customers, Map<String, List<Member>> members) {
        for (CustomerSync customer : customers) {
            List<Member> own = members.computeIfAbsent(customer.customerId(), id -> new ArrayList<>());
            boolean added = false;
            for (Map.Entry<String, String> key : customer.storeKeys().entrySet()) {
                boolean present = own.stream().anyMatch(member -> member.store().equals(key.getKey())
                        && member.sourceId().equals(key.getValue()));
                if (!present) {
                    jdbc.query("SELECT source, source_id, fields_json, content_hash, last_changed_at FROM source_record"
                            + " WHERE source = ? AND source_id = ?", rs -> {
                        Map<String, String> fields = decode(rs.getString(3));
                        String hubId = fields.get(connectors.get(key.getKey()).hubIdAttribute());
                        if (customer.customerId().equals(hubId)) {
                            own.add(new Member(rs.getString(1), rs.getString(2), fields, rs.getString(4),
                                    changedAt(fields, rs.getTimestamp(5).toInstant())));
                        }
                    }, key.getKey(), key.getValue());
                    added = true;
                }
            }
            if (added) {
                own.sort(Comparator.comparing(Member::changedAt));
            }
        }
    }

    private Map<String, List<Member>> members(Set<String> customerIds) {
        Map<String, List<Member>> members = new LinkedHashMap<>();
        List<String> stores = new ArrayList<>(connectors.keySet());
        for (List<String> chunk : SqlLists.chunks(new ArrayList<>(customerIds))) {
            List<Object> args = new ArrayList<>(chunk);
            args.addAll(stores);
            jdbc.query("SELECT c.customer_id, s.source, s.source_id, s.fields_json, s.content_hash, s.last_changed_at"
                    + " FROM customer_record c JOIN source_record s ON s.source = c.source AND s.source_id = c.source_id"
                    + " WHERE c.customer_id IN (" + SqlLists.placeholders(chunk.size()) + ")"
                    + " AND c.source IN (" + SqlLists.placeholders(stores.size()) + ")"
                    + " ORDER BY s.last_changed_at, s.source, s.source_id", rs -> {
                Map<String, String> fields = decode(rs.getString(4));
                Instant stored = rs.getTimestamp(6).toInstant();
                members.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new Member(rs.getString(2),
                        rs.getString(3), fields, rs.getString(5), changedAt(fields, stored)));
            }, args.toArray());
        }
        return members;
    }

    /** The store's own change time when the record states it (the clock conflicts are settled by), else arrival. */
    private static Instant changedAt(Map<String, String> fields, Instant stored) {
        String stated = fields.getOrDefault("source_updated_at", fields.get("updated_at"));
        if (stated != null) {
            try {
                return Instant.parse(stated);
            } catch (DateTimeParseException e) {
                return stored;
            }
        }
        return stored;
    }

    private static PartyType typeOf(Map<String, String> fields) {
        boolean named = fields.get("family_name") != null || fields.get("given_name") != null;
        return !named && fields.get("organization") != null ? PartyType.ORGANIZATION : PartyType.PERSON;
    }

    private Map<String, String> decode(String fieldsJson) {
        try {
            return json.readValue(fieldsJson, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored source record: " + e.getMessage(), e);
        }
    }
}
