package io.rapport.sim.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The sandbox's records: per sObject type, each live record's fields by id in creation order, plus the recycle
 * bin of deleted ones ({@code queryAll} still sees them). Stamps the system fields Salesforce maintains. Writes go
 * through a {@link Transaction} so that allOrNone requests roll back as a whole, and each committed transaction
 * tells the listeners (Change Data Capture) what changed. One lock for all: the sandbox serves development and
 * tests, not load.
 */
final class SObjectStore {

    /** What an upsert by external id did. */
    record Upserted(String id, boolean created) {
    }

    /**
     * Who wrote, for change events' {@code changeOrigin}: the API ({@code rest}, {@code bulkapi}), its version and
     * the {@code Sforce-Call-Options client=} of the request.
     */
    record Caller(String api, String apiVersion, String client, boolean autoAssign, RequestArrival arrival) {
        Caller(String apiVersion, String client) {
            this("rest", apiVersion, client, false, null);
        }

        /**
         * A REST call: {@code autoAssign} as its {@code Sforce-Auto-Assign} header asks (absent is TRUE), arrived
         * when the sandbox first saw it.
         */
        static Caller rest(String apiVersion, String client, boolean autoAssign, RequestArrival arrival) {
            return new Caller("rest", apiVersion, client, autoAssign, arrival);
        }

        /** The Java API writes now; its writes skip assignment rules, as seed data would. */
        static Caller javaApi() {
            return new Caller("rest", "62.0", "SalesforceSandbox", false, RequestArrival.now());
        }

        // Bulk API 2.0 runs no assignment rules unless the job names one, which the sandbox does not emulate
        Caller viaBulkApi() {
            return new Caller("bulkapi", apiVersion, client, false, arrival);
        }

        /** {@code com/salesforce/api/rest/62.0;client=<client>}, as a change event reports it. */
        String changeOrigin() {
            return "com/salesforce/api/" + api + "/" + apiVersion + (client == null ? "" : ";client=" + client);
        }
    }

    /** One committed change to one record. {@code values} are the changed fields' new values (all on create). */
    record Change(String type, String changeType, String id, Map<String, Object> values, List<String> changedFields,
                  List<String> nulledFields) {
    }

    /** Checks a record before it is written (required fields, duplicates, validation rules, schema). */
    interface Validator {
        void validate(String type, String id, Map<String, Object> candidate, Map<String, Object> changes,
                      SObjectStore store);
    }

    /**
     * Sets what Salesforce sets on a new record before its checks run: field defaults, the owner, assignment
     * rules. Runs under the store's lock.
     */
    interface Initializer {
        void initialize(String type, Map<String, Object> record, Caller caller, SObjectStore store);
    }

    /** Work Salesforce does in the same transaction once a record is saved, such as roll-up fields of others. */
    interface AfterSave {
        void afterSave(String type, Map<String, Object> record, Transaction tx);
    }

    /** More than one record carries the external id value: Salesforce answers 300 Multiple Choices. */
    static final class AmbiguousExternalId extends RuntimeException {
        final List<String> ids;

        AmbiguousExternalId(List<String> ids) {
            super("more than one record has this external id");
            this.ids = ids;
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
            .withZone(ZoneOffset.UTC);
    private static final List<String> SYSTEM_FIELDS = List.of("Id", "IsDeleted", "CreatedDate", "CreatedById",
            "LastModifiedDate", "LastModifiedById", "SystemModstamp", "LastActivityDate");

    private final Map<String, Map<String, Map<String, Object>>> live = new HashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> recycleBin = new HashMap<>();
    private final Map<String, String> typeOfId = new HashMap<>();
    private final SalesforceIds ids;
    private final Clock clock;
    private final String userId;
    private final List<Initializer> initializers = new CopyOnWriteArrayList<>();
    private final List<Validator> validators = new CopyOnWriteArrayList<>();
    private final List<AfterSave> afterSaves = new CopyOnWriteArrayList<>();
    private final List<Consumer<CommittedChanges>> listeners = new CopyOnWriteArrayList<>();
    /** The transaction under way; only touched with the lock held. */
    private Transaction current;

    /** How far a transaction had got: what to keep when rolling back to it. */
    record Savepoint(int undoSize, int changesSize) {
    }

    /** The changes one transaction committed, in order, and who made them. */
    record CommittedChanges(List<Change> changes, Caller caller, String transactionKey) {
    }

    SObjectStore(SalesforceIds ids, Clock clock, String userId) {
        this.ids = ids;
        this.clock = clock;
        this.userId = userId;
    }

    void addValidator(Validator validator) {
        validators.add(validator);
    }

    /** Initializers run in the order added, so a later one (assignment rules) can override an earlier default. */
    void addInitializer(Initializer initializer) {
        initializers.add(initializer);
    }

    void addAfterSave(AfterSave afterSave) {
        afterSaves.add(afterSave);
    }

    void onCommit(Consumer<CommittedChanges> listener) {
        listeners.add(listener);
    }

    /**
     * Runs {@code work} as one transaction: it commits when the work returns and rolls back everything when it
     * throws. The work may roll back parts itself with savepoints. Called inside another transaction on the same
     * thread (a Composite subrequest), it joins it: the outer one commits or rolls back the whole.
     */
    synchronized <T> T transaction(Caller caller, Function<Transaction, T> work) {
        if (current != null) {
            Savepoint savepoint = current.savepoint();
            try {
                return work.apply(current);
            } catch (RuntimeException e) {
                current.rollbackTo(savepoint);
                throw e;
            }
        }
        Transaction tx = new Transaction(caller);
        current = tx;
        T result;
        try {
            result = work.apply(tx);
        } catch (RuntimeException e) {
            tx.rollbackTo(new Savepoint(0, 0));
            throw e;
        } finally {
            current = null;
        }
        if (!tx.changes.isEmpty()) {
            CommittedChanges committed = new CommittedChanges(List.copyOf(tx.changes), caller,
                    ids.transactionKey());
            listeners.forEach(listener -> listener.accept(committed));
        }
        return result;
    }

    synchronized Optional<Map<String, Object>> get(String type, String id) {
        Map<String, Object> record = live.getOrDefault(type, Map.of()).get(normalized(id));
        return Optional.ofNullable(record).map(LinkedHashMap::new);
    }

    /** The type of a live or deleted record, by id. */
    synchronized Optional<String> typeOf(String id) {
        return Optional.ofNullable(typeOfId.get(normalized(id)));
    }

    synchronized boolean isDeleted(String type, String id) {
        return recycleBin.getOrDefault(type, Map.of()).containsKey(normalized(id));
    }

    /** Copies of the records of a type, in creation order; deleted ones after them when asked for. */
    synchronized List<Map<String, Object>> all(String type, boolean withDeleted) {
        List<Map<String, Object>> copies = new ArrayList<>();
        live.getOrDefault(type, Map.of()).values().forEach(r -> copies.add(new LinkedHashMap<>(r)));
        if (withDeleted) {
            recycleBin.getOrDefault(type, Map.of()).values().forEach(r -> copies.add(new LinkedHashMap<>(r)));
        }
        return copies;
    }

    /** Every live record by type, for a state snapshot. */
    synchronized Map<String, List<Map<String, Object>>> everything() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        live.forEach((type, records) -> all.put(type, all(type, false)));
        return all;
    }

    /** Puts back records from a snapshot as they were, system fields included, without change events. */
    synchronized void restore(String type, Map<String, Object> record) {
        String id = (String) record.get("Id");
        live.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, new LinkedHashMap<>(record));
        typeOfId.put(id, type);
        ids.advancePast(id);
    }

    /** The ids of the live records whose {@code field} equals {@code value}, ignoring case as external ids do. */
    synchronized List<String> findByField(String type, String field, Object value) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> record : live.getOrDefault(type, Map.of()).values()) {
            Object current = Records.get(record, field);
            if (current != null && current.toString().equalsIgnoreCase(String.valueOf(value))) {
                found.add((String) record.get("Id"));
            }
        }
        return found;
    }

    synchronized int count(String type) {
        return live.getOrDefault(type, Map.of()).size();
    }

    /** Salesforce accepts both the 15- and the 18-character form of an id. */
    static String normalized(String id) {
        return id != null && id.length() == 15 ? SalesforceIds.withSuffix(id) : id;
    }

    /** Fields Salesforce maintains itself; a client's values for them are ignored here. */
    static boolean isSystemField(String field) {
        return SYSTEM_FIELDS.stream().anyMatch(field::equalsIgnoreCase);
    }

    private String now() {
        return STAMP.format(Instant.now(clock));
    }

    /** The writes of one request. Not thread-safe: used under the store's lock only. */
    final class Transaction {
        private final List<Runnable> undo = new ArrayList<>();
        private final List<Change> changes = new ArrayList<>();
        private final Caller caller;

        private Transaction(Caller caller) {
            this.caller = caller;
        }

        /** A point to roll back to, so that one record of a batch can fail alone. */
        Savepoint savepoint() {
            return new Savepoint(undo.size(), changes.size());
        }

        void rollbackTo(Savepoint savepoint) {
            for (int i = undo.size() - 1; i >= savepoint.undoSize(); i--) {
                undo.remove(i).run();
            }
            changes.subList(savepoint.changesSize(), changes.size()).clear();
        }

        String create(String type, Map<String, Object> fields) {
            String id = ids.next(type);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("Id", id);
            record.put("IsDeleted", false);
            fields.forEach((field, value) -> {
                if (!isSystemField(field)) {
                    Records.put(record, field, value);
                }
            });
            String now = now();
            record.put("CreatedDate", now);
            record.put("CreatedById", userId);
            record.put("LastModifiedDate", now);
            record.put("LastModifiedById", userId);
            record.put("SystemModstamp", now);
            for (Initializer initializer : initializers) {
                initializer.initialize(type, record, caller, SObjectStore.this);
            }
            for (Validator validator : validators) {
                validator.validate(type, null, record, fields, SObjectStore.this);
            }
            live.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, record);
            typeOfId.put(id, type);
            undo.add(() -> {
                live.get(type).remove(id);
                typeOfId.remove(id);
            });
            afterSaves.forEach(afterSave -> afterSave.afterSave(type, record, this));
            Map<String, Object> values = new LinkedHashMap<>(record);
            values.remove("Id");
            values.remove("IsDeleted");
            values.values().removeIf(Objects::isNull);
            changes.add(new Change(type, "CREATE", id, values, new ArrayList<>(values.keySet()), List.of()));
            return id;
        }

        void update(String type, String id, Map<String, Object> fields) {
            String key = normalized(id);
            Map<String, Object> record = existing(type, key);
            Map<String, Object> before = new LinkedHashMap<>(record);
            Map<String, Object> candidate = new LinkedHashMap<>(record);
            Map<String, Object> changed = new LinkedHashMap<>();
            List<String> nulled = new ArrayList<>();
            fields.forEach((field, value) -> {
                if (isSystemField(field)) {
                    return;
                }
                if (!Objects.equals(Records.get(candidate, field), value)) {
                    changed.put(Records.keyOf(candidate, field) == null ? field : Records.keyOf(candidate, field),
                            value);
                    if (value == null) {
                        nulled.add(field);
                    }
                }
                Records.put(candidate, field, value);
            });
            for (Validator validator : validators) {
                validator.validate(type, key, candidate, fields, SObjectStore.this);
            }
            String now = now();
            candidate.put("LastModifiedDate", now);
            candidate.put("LastModifiedById", userId);
            candidate.put("SystemModstamp", now);
            record.clear();
            record.putAll(candidate);
            undo.add(() -> {
                record.clear();
                record.putAll(before);
            });
            afterSaves.forEach(afterSave -> afterSave.afterSave(type, record, this));
            Map<String, Object> values = new LinkedHashMap<>(changed);
            values.values().removeIf(Objects::isNull);
            values.put("LastModifiedDate", now);
            List<String> changedFields = new ArrayList<>(changed.keySet());
            changedFields.add("LastModifiedDate");
            changes.add(new Change(type, "UPDATE", key, values, changedFields, nulled));
        }

        void delete(String type, String id) {
            String key = normalized(id);
            Map<String, Object> record = existing(type, key);
            live.get(type).remove(key);
            record.put("IsDeleted", true);
            recycleBin.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(key, record);
            undo.add(() -> {
                recycleBin.get(type).remove(key);
                record.put("IsDeleted", false);
                live.get(type).put(key, record);
            });
            changes.add(new Change(type, "DELETE", key, Map.of(), List.of(), List.of()));
        }

        void undelete(String type, String id) {
            String key = normalized(id);
            Map<String, Object> record = recycleBin.getOrDefault(type, Map.of()).remove(key);
            if (record == null) {
                throw new ApiException(400, "UNDELETE_FAILED", "Entity is not in the recycle bin");
            }
            record.put("IsDeleted", false);
            live.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(key, record);
            undo.add(() -> {
                live.get(type).remove(key);
                record.put("IsDeleted", true);
                recycleBin.get(type).put(key, record);
            });
            changes.add(new Change(type, "UNDELETE", key, Map.of(), List.of(), List.of()));
        }

        /** The type of a live record, or null: what an after-save step may look at under the lock. */
        String typeOfLive(String id) {
            String key = normalized(id);
            String type = typeOfId.get(key);
            return type != null && live.getOrDefault(type, Map.of()).containsKey(key) ? type : null;
        }

        /** A field of a live record, or null. */
        Object field(String type, String id, String field) {
            Map<String, Object> record = live.getOrDefault(type, Map.of()).get(normalized(id));
            return record == null ? null : Records.get(record, field);
        }

        /**
         * Sets a field Salesforce maintains itself on another record (a roll-up such as {@code LastActivityDate}):
         * rolled back with the transaction, but neither a change event nor a modification of that record, as
         * Salesforce's own roll-ups are not.
         */
        void setDerived(String type, String id, String field, Object value) {
            Map<String, Object> record = live.getOrDefault(type, Map.of()).get(normalized(id));
            if (record == null) {
                return;
            }
            boolean had = Records.has(record, field);
            Object before = Records.get(record, field);
            Records.put(record, field, value);
            undo.add(() -> {
                if (had) {
                    Records.put(record, field, before);
                } else {
                    Records.remove(record, field);
                }
            });
        }

        /** Updates the one record whose external id field has the value, or creates it with that value. */
        Upserted upsert(String type, String field, String value, Map<String, Object> fields) {
            List<String> found = findByField(type, field, value);
            if (found.size() > 1) {
                throw new AmbiguousExternalId(found);
            }
            if (found.size() == 1) {
                update(type, found.get(0), fields);
                return new Upserted(found.get(0), false);
            }
            Map<String, Object> withKey = new LinkedHashMap<>(fields);
            Records.put(withKey, field, value);
            return new Upserted(create(type, withKey), true);
        }

        private Map<String, Object> existing(String type, String key) {
            Map<String, Object> record = live.getOrDefault(type, Map.of()).get(key);
            if (record == null) {
                if (recycleBin.getOrDefault(type, Map.of()).containsKey(key)) {
                    throw new ApiException(404, "ENTITY_IS_DELETED", "entity is deleted");
                }
                throw ApiException.notFound();
            }
            return record;
        }
    }
}
