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
import java.util.Optional;

/**
 * The sandbox's records: per sObject type, each record's fields by id, in creation order. Stamps the system fields
 * Salesforce maintains (Id, CreatedDate, LastModifiedDate, SystemModstamp). One lock for all: the sandbox serves
 * development and tests, not load.
 */
final class SObjectStore {

    /** What an upsert by external id did. */
    record Upserted(String id, boolean created) {
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

    private final Map<String, Map<String, Map<String, Object>>> records = new HashMap<>();
    private final SalesforceIds ids;
    private final Clock clock;

    SObjectStore(SalesforceIds ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    synchronized String create(String type, Map<String, Object> fields) {
        String id = ids.next(type);
        Map<String, Object> record = new LinkedHashMap<>();
        String now = now();
        record.put("Id", id);
        record.putAll(fields);
        record.put("CreatedDate", now);
        record.put("LastModifiedDate", now);
        record.put("SystemModstamp", now);
        records.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, record);
        return id;
    }

    synchronized Optional<Map<String, Object>> get(String type, String id) {
        Map<String, Object> record = records.getOrDefault(type, Map.of()).get(normalized(id));
        return Optional.ofNullable(record).map(LinkedHashMap::new);
    }

    synchronized boolean update(String type, String id, Map<String, Object> fields) {
        Map<String, Object> record = records.getOrDefault(type, Map.of()).get(normalized(id));
        if (record == null) {
            return false;
        }
        record.putAll(fields);
        String now = now();
        record.put("LastModifiedDate", now);
        record.put("SystemModstamp", now);
        return true;
    }

    synchronized boolean delete(String type, String id) {
        return records.getOrDefault(type, new HashMap<>()).remove(normalized(id)) != null;
    }

    /** The ids of the records whose {@code field} equals {@code value} (external ids compare case-insensitively). */
    synchronized List<String> findByExternalId(String type, String field, String value) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> record : records.getOrDefault(type, Map.of()).values()) {
            Object current = record.get(field);
            if (current != null && current.toString().equalsIgnoreCase(value)) {
                found.add((String) record.get("Id"));
            }
        }
        return found;
    }

    /** Updates the one record whose external id field has the value, or creates it with that value. */
    synchronized Upserted upsert(String type, String field, String value, Map<String, Object> fields) {
        List<String> found = findByExternalId(type, field, value);
        if (found.size() > 1) {
            throw new AmbiguousExternalId(found);
        }
        if (found.size() == 1) {
            update(type, found.get(0), fields);
            return new Upserted(found.get(0), false);
        }
        Map<String, Object> withKey = new LinkedHashMap<>(fields);
        withKey.put(field, value);
        return new Upserted(create(type, withKey), true);
    }

    synchronized int count(String type) {
        return records.getOrDefault(type, Map.of()).size();
    }

    /** Salesforce accepts both the 15- and the 18-character form of an id. */
    private static String normalized(String id) {
        return id.length() == 15 ? SalesforceIds.withSuffix(id) : id;
    }

    private String now() {
        return STAMP.format(Instant.now(clock));
    }
}
