package io.rapport.core.sync;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one store currently holds for a customer, as its change event or a read of its record reports it: the
 * values of the synced fields it maps (a field mapped but empty is present with a null value; a field the store
 * does not map is absent) and when the store says the record last changed.
 */
public record StoreSnapshot(String store, Map<String, String> values, Instant changedAt) {

    public StoreSnapshot {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(changedAt, "changedAt");
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((field, value) -> copy.put(field, SyncValues.canonical(value)));
        values = Collections.unmodifiableMap(copy);
    }
}
