package io.rapport.core.sync;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which stores the hub keeps consistent, and per synced field who owns it, how conflicts on it are settled and
 * where it may travel. A plain record so that the app can bind config/sync-policy.yaml into it; a field not listed
 * here is not synced at all.
 *
 * @param clockSkewTolerance two changes closer than this are simultaneous for {@link ConflictRule#LATEST_WINS}
 *                           (default 5 s)
 * @param onDelete           what a deletion in one store does to the others (default {@link DeletePolicy#FLAG})
 * @throws IllegalArgumentException when a field names an owner that is not a store, or an on-premise-only field is
 *                                  owned by a cloud store (its value would have to come from where it may not be)
 */
public record SyncPolicy(Map<String, StorePolicy> stores, Map<String, FieldPolicy> fields,
                         Duration clockSkewTolerance, DeletePolicy onDelete) {

    public static final Duration DEFAULT_CLOCK_SKEW_TOLERANCE = Duration.ofSeconds(5);
    private static final String MASK = "****";

    public SyncPolicy {
        stores = copyOf(stores, "stores");
        fields = copyOf(fields, "fields");
        clockSkewTolerance = clockSkewTolerance == null ? DEFAULT_CLOCK_SKEW_TOLERANCE : clockSkewTolerance;
        if (clockSkewTolerance.isNegative()) {
            throw new IllegalArgumentException("clockSkewTolerance must not be negative");
        }
        onDelete = onDelete == null ? DeletePolicy.FLAG : onDelete;
        for (Map.Entry<String, FieldPolicy> entry : fields.entrySet()) {
            String owner = entry.getValue().owner();
            if (owner == null) {
                continue;
            }
            StorePolicy store = stores.get(owner);
            if (store == null) {
                throw new IllegalArgumentException("field '" + entry.getKey() + "' is owned by '" + owner
                        + "', which is not one of the stores " + stores.keySet());
            }
            if (entry.getValue().residency() == Residency.ON_PREMISE_ONLY && store.location() != StoreLocation.ON_PREMISE) {
                throw new IllegalArgumentException("field '" + entry.getKey() + "' is on-premise only but owned by the"
                        + " cloud store '" + owner + "'");
            }
        }
    }

    public Set<String> storeNames() {
        return stores.keySet();
    }

    public boolean syncs(String field) {
        return fields.containsKey(field);
    }

    public FieldPolicy field(String field) {
        FieldPolicy policy = fields.get(field);
        if (policy == null) {
            throw new IllegalArgumentException("field '" + field + "' is not synced");
        }
        return policy;
    }

    /** Whether the field's value may be sent to (and held for) the store: synced, and allowed by its residency. */
    public boolean reaches(String field, String store) {
        FieldPolicy policy = fields.get(field);
        StorePolicy target = stores.get(store);
        if (policy == null || target == null) {
            return false;
        }
        return policy.residency() == Residency.ANYWHERE || target.location() == StoreLocation.ON_PREMISE;
    }

    /** The value as it may be shown in logs and the conflict log: sensitive values are masked. */
    public String displayValue(String field, String value) {
        if (value == null) {
            return null;
        }
        FieldPolicy policy = fields.get(field);
        return policy != null && policy.isSensitive() ? MASK : value;
    }

    private static <V> Map<String, V> copyOf(Map<String, V> map, String what) {
        if (map == null || map.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException(what + " has an entry without a name or a value: " + key);
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
