package io.rapport.core.sync;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sync bookkeeping of one customer: the agreed value of each synced field, the hash of what each store was
 * last known to hold, and the fields held back for a steward. Comparing a store's new values with what it was known
 * to hold tells what that store changed (and recognizes the hub's own writes coming back); comparing the agreed
 * values with it tells what the store still has to be sent.
 *
 * <p>Not thread-safe: one customer's changes are applied in order, by one thread at a time.
 */
public final class CustomerSyncState {

    private final String customerId;
    private final Map<String, AgreedValue> agreed;
    private final Map<String, Map<String, String>> heldByStore;
    private final Set<String> heldForSteward;
    private final Map<String, Map<String, Instant>> writtenAt;

    public CustomerSyncState(String customerId) {
        this(customerId, Map.of(), Map.of(), Set.of(), Map.of());
    }

    /**
     * Restores a state saved as {@link #agreed()}, {@link #storeHashes()}, {@link #heldForSteward()} and
     * {@link #writtenAt()}.
     */
    public CustomerSyncState(String customerId, Map<String, AgreedValue> agreed,
                             Map<String, Map<String, String>> storeHashes, Set<String> heldForSteward,
                             Map<String, Map<String, Instant>> writtenAt) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.agreed = new LinkedHashMap<>(agreed);
        this.heldByStore = new LinkedHashMap<>();
        storeHashes.forEach((store, hashes) -> this.heldByStore.put(store, new LinkedHashMap<>(hashes)));
        this.heldForSteward = new TreeSet<>(heldForSteward);
        this.writtenAt = new LinkedHashMap<>();
        if (writtenAt != null) {
            writtenAt.forEach((store, times) -> this.writtenAt.put(store, new LinkedHashMap<>(times)));
        }
    }

    public String customerId() {
        return customerId;
    }

    public Map<String, AgreedValue> agreed() {
        return Collections.unmodifiableMap(agreed);
    }

    public AgreedValue agreed(String field) {
        return agreed.get(field);
    }

    /** Hash of each field's value as each store was last known to hold it (by a write it acknowledged or a read). */
    public Map<String, Map<String, String>> storeHashes() {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        heldByStore.forEach((store, hashes) -> copy.put(store, Collections.unmodifiableMap(hashes)));
        return Collections.unmodifiableMap(copy);
    }

    /** Null when nothing is known of the store's copy of the field (it has never been read or written). */
    public String storeHash(String store, String field) {
        Map<String, String> hashes = heldByStore.get(store);
        return hashes == null ? null : hashes.get(field);
    }

    /** When the hub's last write of each field to each store was acknowledged, by the hub's clock. */
    public Map<String, Map<String, Instant>> writtenAt() {
        Map<String, Map<String, Instant>> copy = new LinkedHashMap<>();
        writtenAt.forEach((store, times) -> copy.put(store, Collections.unmodifiableMap(times)));
        return Collections.unmodifiableMap(copy);
    }

    /** Null when the hub never wrote the field to the store. */
    public Instant writtenAt(String store, String field) {
        Map<String, Instant> times = writtenAt.get(store);
        return times == null ? null : times.get(field);
    }

    public boolean knowsStore(String store) {
        return heldByStore.containsKey(store);
    }

    public Set<String> heldForSteward() {
        return Collections.unmodifiableSet(heldForSteward);
    }

    public boolean isHeld(String field) {
        return heldForSteward.contains(field);
    }

    void agree(String field, AgreedValue value) {
        agreed.put(field, value);
    }

    void storeHolds(String store, String field, String value) {
        heldByStore.computeIfAbsent(store, s -> new LinkedHashMap<>()).put(field, SyncValues.hash(value));
    }

    void written(String store, String field, String value, Instant at) {
        storeHolds(store, field, value);
        writtenAt.computeIfAbsent(store, s -> new LinkedHashMap<>()).put(field, at);
    }

    void hold(String field) {
        heldForSteward.add(field);
    }

    void release(String field) {
        heldForSteward.remove(field);
    }
}
